using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Registrations;

/// <summary>
/// Many parallel requests over real HTTP against real PostgreSQL (and the in-memory document store):
/// the capacity guarantee holds whatever the interleaving.
/// </summary>
public sealed class RegistrationStormTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task TwoHundredParallelRegistrationsForTenSeats_ConfirmTenAndQueueTheRestInOrder()
    {
        var (workshopId, trainer) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 10);
        var participants = await RegistrationTestData.ParticipantsAsync(app, 200);

        var results = await Task.WhenAll(participants.Select(p => RegistrationTestData.RegisterAsync(app, workshopId, p)));

        Assert.All(results, r => Assert.Equal(HttpStatusCode.Created, r.Status));
        Assert.Equal(10, results.Count(r => r.Body.GetProperty("status").GetString() == RegistrationStatus.Confirmed));
        Assert.Equal(190, results.Count(r => r.Body.GetProperty("status").GetString() == RegistrationStatus.Waitlisted));

        // The waiting list as its trainer reads it, page by page: positions 1..190, one per participant.
        using var client = app.ClientFor(trainer);
        var waiting = new List<(int Position, Guid User)>();
        for (var page = 1; page <= 2; page++)
        {
            using var response = await client.GetAsync($"/api/workshops/{workshopId}/registrations?status=waitlisted&pageSize=100&page={page}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await AppFixture.ReadJsonAsync(response);
            Assert.Equal(190, body.GetProperty("total").GetInt64());
            Assert.Equal(190, body.GetProperty("summary").GetProperty("waitlisted").GetInt32());
            waiting.AddRange(body.GetProperty("items").EnumerateArray().Select(i =>
                (i.GetProperty("waitlistPosition").GetInt32(), i.GetProperty("user").GetProperty("id").GetGuid())));
        }

        Assert.Equal(Enumerable.Range(1, 190), waiting.Select(w => w.Position));
        Assert.Equal(190, waiting.Select(w => w.User).Distinct().Count());
        await AssertInvariantAsync(workshopId, capacity: 10);
    }

    [Fact]
    public async Task FiftyParallelDuplicatesOfOneParticipant_GiveOneRegistration()
    {
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, capacity: 5);
        var participant = (await RegistrationTestData.ParticipantsAsync(app, 1))[0];

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => RegistrationTestData.RegisterAsync(app, workshopId, participant)));

        Assert.Equal(1, results.Count(r => r.Status == HttpStatusCode.Created));
        Assert.True(results.Count(r => r.Status == HttpStatusCode.Conflict) == 49, string.Join(" | ", results.Where(r => r.Status != HttpStatusCode.Created && r.Status != HttpStatusCode.Conflict).Select(r => r.Body.ToString())));
        Assert.Equal(1, await RegistrationTestData.SeatsTakenAsync(app, workshopId));
        var counts = await Store.CountAsync(workshopId, CancellationToken.None);
        Assert.Equal(new RegistrationCounts(1, 0, 0), counts);
    }

    [Fact]
    public async Task InterleavedCancelAndRegisterStorms_KeepTheInvariantRoundAfterRound()
    {
        const int Capacity = 8;
        var (workshopId, _) = await RegistrationTestData.PublishedWorkshopAsync(app, Capacity);
        var participants = await RegistrationTestData.ParticipantsAsync(app, 30);
        var random = new Random(20261125);

        for (var round = 0; round < 20; round++)
        {
            var operations = participants.Select(p => random.Next(3) switch
            {
                0 => RegistrationTestData.CancelOwnAsync(app, workshopId, p),
                _ => RegistrationTestData.RegisterAsync(app, workshopId, p),
            });
            var results = await Task.WhenAll(operations);

            Assert.All(results, r => Assert.Contains(r.Status, new[] { HttpStatusCode.Created, HttpStatusCode.OK, HttpStatusCode.Conflict }));
            await AssertInvariantAsync(workshopId, Capacity);
        }
    }

    private IRegistrationStore Store => app.Services.GetRequiredService<IRegistrationStore>();

    /// <summary>
    /// Confirmed never exceed the capacity and equal the seat count; while seats are free nobody
    /// waits; waiting-list positions are exactly 1..n.
    /// </summary>
    private async Task AssertInvariantAsync(Guid workshopId, int capacity)
    {
        var counts = await Store.CountAsync(workshopId, CancellationToken.None);
        var seats = await RegistrationTestData.SeatsTakenAsync(app, workshopId);
        Assert.True(counts.Confirmed <= capacity, $"{counts.Confirmed} confirmed for {capacity} seats.");
        Assert.Equal(counts.Confirmed, seats);
        Assert.True(counts.Waitlisted == 0 || counts.Confirmed == capacity, $"{counts.Waitlisted} waiting while {capacity - counts.Confirmed} seats are free.");

        var (waiting, _) = await Store.ListForWorkshopAsync(workshopId, RegistrationStatus.Waitlisted, new PageRequest(1, PageRequest.MaxPageSize), CancellationToken.None);
        var positions = await Store.WaitlistPositionsAsync(waiting, CancellationToken.None);
        Assert.Equal(Enumerable.Range(1, waiting.Count), waiting.Select(r => positions[r.Id]));
    }
}
