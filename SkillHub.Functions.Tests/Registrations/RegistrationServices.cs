using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Attendance;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Users;
using SkillHub.Functions.Workshops;
using SkillHub.Standalone.Documents;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>The registration service over a test database and a document store, as the app composes it, with silent notifications.</summary>
internal static class RegistrationServices
{
    public static RegistrationService Over(
        PostgresDatabase database, IRegistrationStore documents, IActivityLog activity, TimeProvider clock, RegistrationOptions? options = null)
    {
        var seats = new SeatLedger(database.DataSource, clock, TestMetrics.Create());
        var waitingList = new WaitingList(documents, seats, Mock.Of<IRegistrationNotifier>(), activity, TestMetrics.Create(), clock, NullLogger<WaitingList>.Instance);
        return new RegistrationService(
            new WorkshopStore(database.DataSource), new UserStore(database.DataSource), documents, seats, waitingList, Mock.Of<IRegistrationNotifier>(),
            options ?? new RegistrationOptions(), new WorkshopFigures(new MemoryCommentStore(), documents), TestMetrics.Create(), clock, NullLogger<RegistrationService>.Instance);
    }
}
