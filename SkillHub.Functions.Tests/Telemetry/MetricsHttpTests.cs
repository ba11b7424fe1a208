using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Infrastructure.Telemetry;
using SkillHub.Functions.Notifications;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Notifications;
using SkillHub.Functions.Tests.Registrations;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Telemetry;

/// <summary>The app's measurements of one app, as a MeterListener reads them from the meters of its own meter factory.</summary>
public sealed class RecordedMeasurements : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, string?> Tags)> _measurements = new();

    public RecordedMeasurements(IServiceProvider app)
    {
        var scope = app.GetRequiredService<IMeterFactory>();
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == SkillHubMetrics.MeterName && ReferenceEquals(instrument.Meter.Scope, scope))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _listener.Start();
    }

    /// <summary>The sum of what <paramref name="instrument"/> recorded with at least these attributes.</summary>
    public double Sum(string instrument, params (string Key, string Value)[] tags) =>
        Of(instrument, tags).Sum();

    public IReadOnlyList<double> Of(string instrument, params (string Key, string Value)[] tags) =>
        [.. _measurements.Where(m => m.Instrument == instrument && tags.All(t => m.Tags.GetValueOrDefault(t.Key) == t.Value)).Select(m => m.Value)];

    public void Dispose() => _listener.Dispose();

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copied = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copied[key] = tagValue?.ToString();
        }

        _measurements.Enqueue((instrument.Name, value, copied));
    }
}

/// <summary>The counters move with what happens: registrations by outcome, promotions, seats, repairs, sending failures.</summary>
public sealed class MetricsHttpTests(UnreachableMailAppFixture app) : IClassFixture<UnreachableMailAppFixture>
{
    [Fact]
    public async Task RegistrationsAreCountedByOutcome_AndACancellationPromotesTheFirstWaiting()
    {
        using var measured = new RecordedMeasurements(app.Services);
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 1);
        var (ann, bob) = (await app.CreateUserAsync(Roles.Participant), await app.CreateUserAsync(Roles.Participant));

        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, ann)).Status);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, bob)).Status);
        Assert.Equal(HttpStatusCode.Conflict, (await RegistrationTestData.RegisterAsync(app, workshopId, bob)).Status);
        Assert.Equal(HttpStatusCode.OK, (await RegistrationTestData.CancelOwnAsync(app, workshopId, ann)).Status);

        Assert.Equal(1, measured.Sum("skillhub.registrations", ("skillhub.registration.outcome", "confirmed")));
        Assert.Equal(1, measured.Sum("skillhub.registrations", ("skillhub.registration.outcome", "waitlisted")));
        Assert.Equal(1, measured.Sum("skillhub.registrations", ("skillhub.registration.outcome", "refused"), ("skillhub.registration.refusal", "already_registered")));
        Assert.Equal(1, measured.Sum("skillhub.waitinglist.promotions"));
        Assert.Equal(1, measured.Sum("skillhub.seats.taken"));
        Assert.Equal(0, measured.Sum("skillhub.seats.released"));
        Assert.Equal(3, measured.Of("skillhub.http.server.request.duration",
            ("http.route", "/api/workshops/{id:guid}/registrations"), ("http.request.method", "POST")).Count);
        Assert.Single(measured.Of("skillhub.http.server.request.duration", ("http.route", "/api/workshops/{id:guid}/registrations"), ("http.response.status_class", "4xx")));
    }

    [Fact]
    public async Task ARegistrationToAWorkshopThatDoesNotExist_IsCountedRefusedAsNotFound()
    {
        using var measured = new RecordedMeasurements(app.Services);
        var ann = await app.CreateUserAsync(Roles.Participant);

        Assert.Equal(HttpStatusCode.NotFound, (await RegistrationTestData.RegisterAsync(app, Guid.NewGuid(), ann)).Status);

        Assert.Equal(1, measured.Sum("skillhub.registrations", ("skillhub.registration.outcome", "refused"), ("skillhub.registration.refusal", "not_found")));
    }

    [Fact]
    public async Task AReconciliationRepair_IsCountedByKind()
    {
        using var measured = new RecordedMeasurements(app.Services);
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 3);
        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, await app.CreateUserAsync(Roles.Participant))).Status);
        // A seat counted and never used, as a crash between the saga's two steps leaves it, long ago.
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource,
            "UPDATE workshops SET seats_taken = 2, seats_changed_at = now() - interval '1 hour' WHERE id = @workshopId", new { workshopId });

        await app.Services.GetRequiredService<SeatReconciliation>().RunAsync(CancellationToken.None);

        Assert.Equal(1, measured.Sum("skillhub.reconciliation.repairs", ("skillhub.repair.kind", SeatReconciliation.SeatCountCorrected)));
    }

    [Fact]
    public async Task AMessageTheMailServerDoesNotTake_IsCountedAsASendingFailure_AndTheTimersPassAloneRecordsTheOutboxDepth()
    {
        using var measured = new RecordedMeasurements(app.Services);
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, 3);

        Assert.Equal(HttpStatusCode.Created, (await RegistrationTestData.RegisterAsync(app, workshopId, await app.CreateUserAsync(Roles.Participant))).Status);

        for (var attempt = 0; attempt < 300 && measured.Sum("skillhub.notifications.send_failures", ("skillhub.notification.event", "registration.confirmed")) == 0; attempt++)
        {
            await Task.Delay(100);
        }

        Assert.True(measured.Sum("skillhub.notifications.send_failures", ("skillhub.notification.event", "registration.confirmed")) >= 1);

        // A sender on metrics of its own, so that the app's timer, which may fire meanwhile, records nothing here.
        using var own = new ServiceCollection().AddMetrics().BuildServiceProvider();
        using var depths = new RecordedMeasurements(own);
        var sender = ActivatorUtilities.CreateInstance<NotificationSender>(app.Services, new SkillHubMetrics(own.GetRequiredService<IMeterFactory>()));
        await sender.SendNowAsync(CancellationToken.None);
        Assert.Empty(depths.Of("skillhub.notifications.outbox.depth"));
        await sender.RunAsync(CancellationToken.None);
        Assert.Contains(depths.Of("skillhub.notifications.outbox.depth"), depth => depth >= 1);
    }
}
