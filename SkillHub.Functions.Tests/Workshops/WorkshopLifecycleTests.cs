using System.Net;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>Create, read, change, publish, cancel and delete a workshop over real HTTP, with ETags.</summary>
public sealed class WorkshopLifecycleTests(AppFixture app) : IClassFixture<AppFixture>
{
    // ---- create ----

    [Fact]
    public async Task Create_ByTrainer_Answers201WithLocationFirstETagAndADraft()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer, displayName: "Ada Trainer");
        using var client = app.ClientFor(trainer);

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(capacity: 12)));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await AppFixture.ReadJsonAsync(response);
        var id = body.GetProperty("id").GetGuid();
        Assert.Equal($"/api/workshops/{id}", response.Headers.Location?.OriginalString);
        Assert.Equal("\"1\"", WorkshopTestData.ETagOf(response));
        Assert.Equal("draft", body.GetProperty("status").GetString());
        Assert.Equal(12, body.GetProperty("capacity").GetInt32());
        Assert.Equal(0, body.GetProperty("seatsTaken").GetInt32());
        Assert.Equal(12, body.GetProperty("availableSeats").GetInt32());
        Assert.Equal(1, body.GetProperty("version").GetInt32());
        Assert.Equal(trainer.Id, body.GetProperty("trainer").GetProperty("id").GetGuid());
        Assert.Equal("Ada Trainer", body.GetProperty("trainer").GetProperty("displayName").GetString());
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal((trainer.Id, "draft", 1), (row!.TrainerId, row.Status, row.Version));
    }

    [Fact]
    public async Task Create_WithAnOffset_AnswersEveryTimestampInUtcWithZ()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var body = WorkshopTestData.CreateBody();
        var day = WorkshopTestData.InDays(40).Date;
        body["startsAt"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T10:00:00+02:00";
        body["endsAt"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + "T13:30:00+02:00";

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(body));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await AppFixture.ReadJsonAsync(response);
        Assert.Equal(WorkshopTestData.Timestamp(day.AddHours(8)), json.GetProperty("startsAt").GetString());
        Assert.Equal(WorkshopTestData.Timestamp(day.AddHours(11.5)), json.GetProperty("endsAt").GetString());
        Assert.EndsWith("Z", json.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        Assert.EndsWith("Z", json.GetProperty("updatedAt").GetString(), StringComparison.Ordinal);
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, json.GetProperty("id").GetGuid());
        Assert.Equal(day.AddHours(8), row!.StartsAt);
    }

    [Theory]
    [InlineData(Roles.Participant)]
    [InlineData(Roles.Admin)]
    public async Task Create_ByAdminNamingSomeoneWhoIsNotATrainer_Answers422NamingTrainerId_AndWritesNothing(string role)
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var notATrainer = await app.CreateUserAsync(role);
        using var client = app.ClientFor(admin);
        var before = await WorkshopTestData.CountAsync(app.Database.DataSource);

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(notATrainer.Id)));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "trainerId");
        Assert.Equal(before, await WorkshopTestData.CountAsync(app.Database.DataSource));
    }

    [Fact]
    public async Task Create_ByAdminNamingADisabledTrainer_Answers422NamingTrainerId()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE users SET disabled = true WHERE id = @id", new { id = trainer.Id });
        using var client = app.ClientFor(admin);

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody(trainer.Id)));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "trainerId");
    }

    [Fact]
    public async Task Create_WithEveryFieldMissing_Answers422NamingEachRequiredField()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);

        using var response = await client.PostAsync("/api/workshops", AppFixture.RawJson("{}"));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "capacity", "endsAt", "location", "startsAt", "title");
    }

    [Fact]
    public async Task Create_StartingInThePast_Answers422NamingStartsAt()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var body = WorkshopTestData.CreateBody();
        body["startsAt"] = WorkshopTestData.Timestamp(DateTime.UtcNow.AddHours(-2));
        body["endsAt"] = WorkshopTestData.Timestamp(DateTime.UtcNow.AddHours(1));

        using var response = await client.PostAsync("/api/workshops", AppFixture.Json(body));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.UnprocessableEntity, "startsAt");
    }

    // ---- ETags ----

    [Fact]
    public async Task Get_AnswersTheVersionAsETag()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE workshops SET version = 7 WHERE id = @id", new { id });
        using var client = app.CreateClient();

        using var response = await client.GetAsync($"/api/workshops/{id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"7\"", WorkshopTestData.ETagOf(response));
        Assert.Equal(7, (await AppFixture.ReadJsonAsync(response)).GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Patch_WithTheETagFromGet_Answers200WithTheNextETagAndTheChangedFields()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, capacity: 10);
        using var get = await client.GetAsync($"/api/workshops/{id}");
        var etag = WorkshopTestData.ETagOf(get);
        var before = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        using var patch = WorkshopTestData.Patch(id, new { title = "Advanced PostgreSQL", capacity = 15 }, etag);

        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"1\"", etag);
        Assert.Equal("\"2\"", WorkshopTestData.ETagOf(response));
        var body = await AppFixture.ReadJsonAsync(response);
        Assert.Equal("Advanced PostgreSQL", body.GetProperty("title").GetString());
        Assert.Equal(15, body.GetProperty("capacity").GetInt32());
        Assert.Equal(15, body.GetProperty("availableSeats").GetInt32());
        Assert.Equal(2, body.GetProperty("version").GetInt32());
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal(before! with { Title = "Advanced PostgreSQL", Capacity = 15, Version = 2, UpdatedAt = row!.UpdatedAt }, row);
    }

    [Fact]
    public async Task Patch_AgainWithTheOldETag_Answers412Problem_AndKeepsTheFirstChange()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using (var first = WorkshopTestData.Patch(id, new { title = "First change" }, "\"1\""))
        using (var firstResponse = await client.SendAsync(first))
        {
            Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        }

        using var second = WorkshopTestData.Patch(id, new { title = "Second change" }, "\"1\"");

        using var response = await client.SendAsync(second);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.PreconditionFailed);
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal(("First change", 2), (row!.Title, row.Version));
    }

    [Fact]
    public async Task Patch_WithoutIfMatch_Answers428Problem_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var patch = WorkshopTestData.Patch(id, new { title = "No precondition" }, ifMatch: null);

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), (HttpStatusCode)428);
    }

    [Fact]
    public async Task Patch_WithAWildcardIfMatch_Answers200WhateverTheVersion()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE workshops SET version = 5 WHERE id = @id", new { id });
        using var patch = WorkshopTestData.Patch(id, new { location = "Room 12" }, "*");

        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"6\"", WorkshopTestData.ETagOf(response));
        Assert.Equal("Room 12", (await WorkshopTestData.ReadAsync(app.Database.DataSource, id))!.Location);
    }

    [Fact]
    public async Task Patch_WithAnEmptyObject_Answers422_AndKeepsTheVersion()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var patch = WorkshopTestData.Patch(id, new { }, "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), HttpStatusCode.UnprocessableEntity, "body");
    }

    [Fact]
    public async Task Patch_WithAnIfMatchListThatNamesTheCurrentVersion_Answers200()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using var patch = WorkshopTestData.Patch(id, new { location = "Room 14" }, "\"9\", \"1\"");

        using var response = await client.SendAsync(patch);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", WorkshopTestData.ETagOf(response));
    }

    [Fact]
    public async Task Patch_CapacityBelowTheSeatsTaken_Answers409Problem_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published", capacity: 10, seatsTaken: 7);
        using var patch = WorkshopTestData.Patch(id, new { capacity = 6 }, "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Patch_ACancelledWorkshop_Answers409Problem_AndChangesNothing()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "cancelled");
        using var patch = WorkshopTestData.Patch(id, new { title = "Back from the dead" }, "\"1\"");

        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.SendAsync(patch), HttpStatusCode.Conflict);
    }

    // ---- publish and cancel ----

    [Fact]
    public async Task Publish_AFutureDraft_Answers200Published_WithTheNextETag()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);

        using var response = await client.PostAsync($"/api/workshops/{id}/publish", content: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", WorkshopTestData.ETagOf(response));
        Assert.Equal("published", (await AppFixture.ReadJsonAsync(response)).GetProperty("status").GetString());
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal(("published", 2), (row!.Status, row.Version));
    }

    [Fact]
    public async Task Publish_Twice_Answers409Problem_AndKeepsTheVersion()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id);
        using (var first = await client.PostAsync($"/api/workshops/{id}/publish", content: null))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var response = await client.PostAsync($"/api/workshops/{id}/publish", content: null);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(2, (await WorkshopTestData.ReadAsync(app.Database.DataSource, id))!.Version);
    }

    [Fact]
    public async Task Publish_ADraftThatHasAlreadyStarted_Answers409Problem()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, startsAt: DateTime.UtcNow.AddHours(-1));

        using var response = await client.PostAsync($"/api/workshops/{id}/publish", content: null);

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
        Assert.Equal("draft", (await WorkshopTestData.ReadAsync(app.Database.DataSource, id))!.Status);
    }

    [Fact]
    public async Task Cancel_WithAReason_Answers200Cancelled_KeepsTheReason_AndBumpsTheVersion()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");

        using var response = await client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody("  The room is flooded.  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("\"2\"", WorkshopTestData.ETagOf(response));
        Assert.Equal("cancelled", (await AppFixture.ReadJsonAsync(response)).GetProperty("status").GetString());
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal(("cancelled", "The room is flooded.", 2), (row!.Status, row.CancelReason, row.Version));
    }

    [Fact]
    public async Task Cancel_Twice_Answers409Problem_AndKeepsTheFirstReason()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        using (var first = await client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody("First reason")))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        using var response = await client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody("Second reason"));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Conflict);
        var row = await WorkshopTestData.ReadAsync(app.Database.DataSource, id);
        Assert.Equal(("First reason", 2), (row!.CancelReason, row.Version));
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"reason":"   "}""")]
    [InlineData("""{"reason":null}""")]
    public async Task Cancel_WithoutAReason_Answers422NamingReason_AndChangesNothing(string body)
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.PostAsync($"/api/workshops/{id}/cancel", AppFixture.RawJson(body)), HttpStatusCode.UnprocessableEntity, "reason");
    }

    [Fact]
    public async Task Publish_ThenPatch_ThenCancel_BumpTheETagEachTime()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(trainer);
        using var created = await client.PostAsync("/api/workshops", AppFixture.Json(WorkshopTestData.CreateBody()));
        var id = (await AppFixture.ReadJsonAsync(created)).GetProperty("id").GetGuid();

        using var published = await client.PostAsync($"/api/workshops/{id}/publish", content: null);
        using var patch = WorkshopTestData.Patch(id, new { capacity = 30 }, WorkshopTestData.ETagOf(published));
        using var patched = await client.SendAsync(patch);
        using var cancelled = await client.PostAsync($"/api/workshops/{id}/cancel", WorkshopTestData.CancelBody());

        Assert.Equal(
            ["\"1\"", "\"2\"", "\"3\"", "\"4\""],
            new[] { created, published, patched, cancelled }.Select(WorkshopTestData.ETagOf));
    }

    // ---- delete ----

    [Fact]
    public async Task Delete_AWorkshopThatNeverHadRegistrations_Answers204_ThenGetAnswers404()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(admin);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");

        using var response = await client.DeleteAsync($"/api/workshops/{id}");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Null(await WorkshopTestData.ReadAsync(app.Database.DataSource, id));
        using var get = await client.GetAsync($"/api/workshops/{id}");
        await WorkshopTestData.AssertProblemAsync(get, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Delete_AWorkshopThatEverHadARegistration_Answers409Problem_AndKeepsTheRow()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        using var client = app.ClientFor(admin);
        var id = await WorkshopTestData.InsertAsync(app.Database.DataSource, trainer.Id, status: "published");
        await WorkshopTestData.ExecuteAsync(app.Database.DataSource, "UPDATE workshops SET ever_registered = true WHERE id = @id", new { id });
        await WorkshopTestData.AssertRefusedUnchangedAsync(app, id, () => client.DeleteAsync($"/api/workshops/{id}"), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Delete_AnUnknownWorkshop_Answers404Problem()
    {
        var admin = await app.CreateUserAsync(Roles.Admin);
        using var client = app.ClientFor(admin);

        using var response = await client.DeleteAsync($"/api/workshops/{Guid.NewGuid()}");

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }
}
