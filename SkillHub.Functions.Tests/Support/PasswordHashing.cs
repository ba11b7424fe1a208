using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Auth;

namespace SkillHub.Functions.Tests.Support;

/// <summary>Real hashers for tests that run no app.</summary>
public static class TestHashers
{
    private static readonly ServiceProvider Metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    /// <summary>One hasher for the tests that only need hashes: it computes its decoy once.</summary>
    public static PasswordHasher Shared { get; } = Create(Metrics.GetRequiredService<IMeterFactory>());

    public static PasswordHasher Create(IMeterFactory meters, PasswordOptions? options = null) =>
        new(new HashingLimiter(options ?? new PasswordOptions()), meters);

    /// <summary>A meter factory of its own, so that a <see cref="PasswordHashCounter"/> on it counts one hasher's work only.</summary>
    public static ServiceProvider NewMeters() => new ServiceCollection().AddMetrics().BuildServiceProvider();
}

/// <summary>
/// Counts what the hashers created from one meter factory (an app's, or a test's own) compute,
/// from their metrics: how many PBKDF2 computations, and the most that ran at once.
/// </summary>
public sealed class PasswordHashCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _computed;
    private long _running;
    private long _mostRunning;

    public PasswordHashCounter(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, meters) && instrument.Meter.Name == PasswordHasher.MeterName)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) =>
        {
            if (instrument.Name == PasswordHasher.ComputedInstrument)
            {
                Interlocked.Add(ref _computed, value);
                return;
            }

            var running = Interlocked.Add(ref _running, value);
            for (var most = Interlocked.Read(ref _mostRunning); running > most; most = Interlocked.Read(ref _mostRunning))
            {
                Interlocked.CompareExchange(ref _mostRunning, running, most);
            }
        });
        _listener.Start();
    }

    public long Computed => Interlocked.Read(ref _computed);

    public long MostRunningAtOnce => Interlocked.Read(ref _mostRunning);

    public void Dispose() => _listener.Dispose();
}
