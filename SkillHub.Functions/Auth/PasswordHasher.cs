using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace SkillHub.Functions.Auth;

/// <summary>
/// PBKDF2-HMAC-SHA512 with 210,000 iterations and a 16-byte salt (OWASP Password Storage Cheat
/// Sheet). The hash records its own parameters, so they can be raised later without breaking
/// stored passwords. Every computation runs in a slot of the <see cref="HashingLimiter"/>, so no
/// burst of logins or sign-ups runs more of them at once than the limiter allows.
/// </summary>
public sealed class PasswordHasher
{
    public const int Iterations = 210_000;
    public const string MeterName = "SkillHub.Passwords";
    public const string ComputedInstrument = "skillhub.passwords.computed";
    public const string RunningInstrument = "skillhub.passwords.running";
    private const string Scheme = "pbkdf2-sha512";
    private const int SaltBytes = 16;
    private const int HashBytes = 64;

    private readonly HashingLimiter _limiter;
    private readonly Counter<long> _computed;
    private readonly UpDownCounter<long> _running;

    // Verified against when the e-mail is unknown, so an unknown account costs the same time as a wrong password.
    private readonly Lazy<string> _decoy;

    // How long the last computations took (a moving average), to wait as long without computing.
    private long _hashTicks;

    public PasswordHasher(HashingLimiter limiter, IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        _limiter = limiter;
        var meter = meters.Create(MeterName);
        _computed = meter.CreateCounter<long>(ComputedInstrument, description: "PBKDF2 computations done");
        _running = meter.CreateUpDownCounter<long>(RunningInstrument, description: "PBKDF2 computations running now");
        _decoy = new Lazy<string>(() => Compute(Convert.ToBase64String(RandomNumberGenerator.GetBytes(24))));
    }

    public async Task<string> HashAsync(string password, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        using (await _limiter.EnterAsync(cancellationToken))
        {
            return Compute(password);
        }
    }

    public async Task<bool> VerifyAsync(string password, string? storedHash, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(password);
        using (await _limiter.EnterAsync(cancellationToken))
        {
            var parts = (storedHash ?? _decoy.Value).Split('$');
            if (parts.Length != 4 || parts[0] != Scheme
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
            {
                return false;
            }

            var salt = Convert.FromBase64String(parts[2]);
            var expected = Convert.FromBase64String(parts[3]);
            var actual = Derive(password, salt, iterations, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected) && storedHash is not null;
        }
    }

    /// <summary>
    /// Takes a hashing slot for as long as a hash takes here, without computing one: where a
    /// request must not reveal that it skipped the hash (an e-mail address already taken), it
    /// costs the server no CPU, yet answers after the same time, and under the same queue, as
    /// one that hashed.
    /// </summary>
    public async Task WaitAsLongAsAHashAsync(CancellationToken cancellationToken)
    {
        using (await _limiter.EnterAsync(cancellationToken))
        {
            await Task.Delay(HashDuration(), cancellationToken);
        }
    }

    /// <summary>Computes the decoy, which also measures a first hash; at start-up, so that no request pays for it.</summary>
    public void Calibrate() => _ = _decoy.Value;

    private TimeSpan HashDuration()
    {
        Calibrate();
        return TimeSpan.FromTicks(Volatile.Read(ref _hashTicks));
    }

    private string Compute(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations, HashBytes);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    private byte[] Derive(string password, byte[] salt, int iterations, int length)
    {
        _running.Add(1);
        var started = Stopwatch.GetTimestamp();
        try
        {
            return Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, length);
        }
        finally
        {
            _running.Add(-1);
            _computed.Add(1);
            if (iterations == Iterations)
            {
                var ticks = Stopwatch.GetElapsedTime(started).Ticks;
                var average = Volatile.Read(ref _hashTicks);
                Volatile.Write(ref _hashTicks, average == 0 ? ticks : (average * 7 + ticks) / 8);
            }
        }
    }
}
