using SkillHub.Functions.Activity;
using SkillHub.Standalone.Hosting;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>What the app's own functions declare they record.</summary>
public sealed class RecordedActivityCatalogTests
{
    private static readonly FunctionCatalog Functions = FunctionCatalog.Load(AppContext.BaseDirectory, typeof(SkillHubServices).Assembly);

    private readonly RecordedActivityCatalog _catalog = new();

    [Theory]
    [InlineData("SkillHub.Functions.Auth.AuthFunctions.Register", "auth.register", "user")]
    [InlineData("SkillHub.Functions.Auth.AuthFunctions.Login", "auth.login", "user")]
    [InlineData("SkillHub.Functions.Auth.AuthFunctions.Logout", "auth.logout", "user")]
    [InlineData("SkillHub.Functions.Users.UserFunctions.CreateUser", "user.create", "user")]
    [InlineData("SkillHub.Functions.Users.UserFunctions.UpdateUser", "user.update", "user")]
    [InlineData("SkillHub.Functions.Users.UserFunctions.EraseMe", "account.erase", "user")]
    [InlineData("SkillHub.Functions.Workshops.WorkshopFunctions.Create", "workshop.create", "workshop")]
    [InlineData("SkillHub.Functions.Workshops.WorkshopFunctions.Update", "workshop.update", "workshop")]
    [InlineData("SkillHub.Functions.Workshops.WorkshopFunctions.Publish", "workshop.publish", "workshop")]
    [InlineData("SkillHub.Functions.Workshops.WorkshopFunctions.Cancel", "workshop.cancel", "workshop")]
    [InlineData("SkillHub.Functions.Workshops.WorkshopFunctions.Delete", "workshop.delete", "workshop")]
    [InlineData("SkillHub.Functions.Calendars.CalendarFunctions.CreateFeed", "calendar.feed.create", "user")]
    [InlineData("SkillHub.Functions.Calendars.CalendarFunctions.DeleteFeed", "calendar.feed.revoke", "user")]
    [InlineData("SkillHub.Functions.Attendance.AttendanceFunctions.Mark", "attendance.mark", "workshop")]
    [InlineData("SkillHub.Functions.Attendance.AttendanceFunctions.CheckIn", "attendance.check_in", "registration")]
    public void EachStateChangingFunction_DeclaresItsActionAndTargetType(string entryPoint, string action, string targetType)
    {
        var declared = _catalog.For(entryPoint);

        Assert.NotNull(declared);
        Assert.Equal(action, declared.Action);
        Assert.Equal(targetType, declared.TargetType);
    }

    [Fact]
    public void Login_AlsoRecordsItsRefusals_AsAuthLoginFailed()
    {
        var declared = _catalog.For("SkillHub.Functions.Auth.AuthFunctions.Login")!;

        Assert.Equal([401, 429], declared.RecordedFailures.Order());
        Assert.Equal("auth.login.failed", declared.ActionFor(401));
        Assert.Equal("auth.login.failed", declared.ActionFor(429));
        Assert.Null(declared.ActionFor(422));
        Assert.Equal("auth.login", declared.ActionFor(200));
    }

    [Fact]
    public void OnlyLogin_RecordsFailures_AndOnlyLogoutAndPasswordChange_TargetTheCaller()
    {
        var declarations = Functions.HttpFunctions.Select(f => (f.Name, Declared: _catalog.For(f.EntryPoint))).Where(x => x.Declared is not null).ToList();

        Assert.Equal(["Login"], declarations.Where(x => x.Declared!.RecordedFailures.Count > 0).Select(x => x.Name));
        Assert.Equal(["ChangePassword", "CreateCalendarFeed", "DeleteCalendarFeed", "EraseMe", "Logout", "UpdateMyNotifications"], declarations.Where(x => x.Declared!.TargetIsCaller).Select(x => x.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFunctionThatChangesState_RecordsActivity_ExceptTokenRefresh()
    {
        var undeclared = Functions.HttpFunctions
            .Where(f => f.Http!.Methods.Any(m => m is "POST" or "PUT" or "PATCH" or "DELETE"))
            .Where(f => _catalog.For(f.EntryPoint) is null)
            .Select(f => f.Name)
            .ToList();

        // Refresh rotates a token: a session's continuation, not a change the activity log lists.
        Assert.Equal(["Refresh"], undeclared);
    }

    [Fact]
    public void NoReadingFunction_RecordsActivity()
    {
        var reads = Functions.HttpFunctions.Where(f => f.Http!.Methods.All(m => m is "GET" or "HEAD")).ToList();

        Assert.NotEmpty(reads);
        Assert.All(reads, f => Assert.Null(_catalog.For(f.EntryPoint)));
    }
}
