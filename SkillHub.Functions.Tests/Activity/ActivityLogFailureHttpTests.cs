using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using SkillHub.Functions.Activity;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;

namespace SkillHub.Functions.Tests.Activity;

/// <summary>The app over an activity log that throws on every write, as an unreachable MongoDB would.</summary>
public sealed class FailingActivityLogFixture : AppFixture
{
    public Mock<IActivityLog> Log { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        Log.Setup(l => l.AppendAsync(It.IsAny<ActivityEntry>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("A timeout occurred after 5000ms selecting a server."));
        services.AddSingleton(Log.Object);
    }
}

public sealed class ActivityLogFailureHttpTests(FailingActivityLogFixture app) : IClassFixture<FailingActivityLogFixture>
{
    [Fact]
    public async Task CreatingAWorkshop_WhenTheLogCannotBeWritten_StillAnswers201WithTheWorkshop()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(title: "Logged or not")));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("\"1\"", WorkshopTestData.ETagOf(response));
        var body = await AppFixture.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/workshops/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("Logged or not", body.GetProperty("title").GetString());
        Assert.NotNull(await WorkshopTestData.ReadAsync(app.Database.DataSource, id));
        app.Log.Verify(l => l.AppendAsync(It.Is<ActivityEntry>(e => e.Action == "workshop.create" && e.Target.Id == id.ToString()), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task LoggingIn_WhenTheLogCannotBeWritten_StillAnswers200WithTokens()
    {
        var user = await app.CreateUserAsync(Roles.Participant);

        using var response = await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = user.Password }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("accessToken").GetString()));
        Assert.Equal(user.Id, body.GetProperty("user").GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task AFailedLogin_WhenTheLogCannotBeWritten_StillAnswersItsOwn401()
    {
        var user = await app.CreateUserAsync(Roles.Participant);

        using var response = await app.Client.PostAsync("/api/auth/login", AppFixture.Json(new { email = user.Email, password = "not the right password" }));

        var problem = await HttpProblem.AssertAsync(response, 401);
        Assert.Equal("Unknown e-mail address or wrong password.", problem.GetProperty("detail").GetString());
    }
}
