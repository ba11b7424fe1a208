using System.Diagnostics.Metrics;

namespace SkillHub.Functions.Infrastructure.Telemetry;

/// <summary>
/// The app's own measurements, on one Meter whose instruments are made once, here. Attributes are
/// names from short fixed lists (an outcome, a reason, a kind, a route template), never an id, an
/// address or anything a user typed.
/// </summary>
public sealed class SkillHubMetrics
{
    public const string MeterName = SkillHubTelemetry.Name;

    private readonly Histogram<double> _requests;
    private readonly Counter<long> _registrations;
    private readonly Counter<long> _promotions;
    private readonly Counter<long> _seatsTaken;
    private readonly Counter<long> _seatsReleased;
    private readonly Counter<long> _repairs;
    private readonly Counter<long> _sendFailures;
    private readonly Gauge<long> _outboxDepth;

    public SkillHubMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        _requests = meter.CreateHistogram<double>("skillhub.http.server.request.duration", "s", "How long the HTTP functions took to answer, by route template, method and status class.");
        _registrations = meter.CreateCounter<long>("skillhub.registrations", "{registration}", "Registration requests, by outcome: confirmed, waitlisted, or refused with its reason.");
        _promotions = meter.CreateCounter<long>("skillhub.waitinglist.promotions", "{registration}", "Waitlisted registrations confirmed when a seat freed up.");
        _seatsTaken = meter.CreateCounter<long>("skillhub.seats.taken", "{seat}", "Seats taken in the seat ledger.");
        _seatsReleased = meter.CreateCounter<long>("skillhub.seats.released", "{seat}", "Seats given back to the seat ledger.");
        _repairs = meter.CreateCounter<long>("skillhub.reconciliation.repairs", "{repair}", "What reconciliation found wrong and put right, by kind.");
        _sendFailures = meter.CreateCounter<long>("skillhub.notifications.send_failures", "{notification}", "Messages the SMTP server did not take, by event.");
        _outboxDepth = meter.CreateGauge<long>("skillhub.notifications.outbox.depth", "{notification}", "Messages waiting in the outbox, as the sender saw it at the end of its last pass.");
    }

    public void RequestServed(string route, string method, int status, TimeSpan duration) =>
        _requests.Record(duration.TotalSeconds,
            new("http.route", route), new("http.request.method", method), new("http.response.status_class", $"{status / 100}xx"));

    /// <param name="status">The registration's status: <c>confirmed</c> or <c>waitlisted</c>.</param>
    public void Registered(string status) => _registrations.Add(1, new KeyValuePair<string, object?>("skillhub.registration.outcome", status));

    public void RegistrationRefused(string reason) =>
        _registrations.Add(1, new("skillhub.registration.outcome", "refused"), new("skillhub.registration.refusal", reason));

    public void Promoted() => _promotions.Add(1);

    public void SeatTaken() => _seatsTaken.Add(1);

    public void SeatReleased() => _seatsReleased.Add(1);

    public void Repaired(string kind) => _repairs.Add(1, new KeyValuePair<string, object?>("skillhub.repair.kind", kind));

    public void SendingFailed(string notificationEvent) => _sendFailures.Add(1, new KeyValuePair<string, object?>("skillhub.notification.event", notificationEvent));

    public void OutboxDepth(long pending) => _outboxDepth.Record(pending);
}
