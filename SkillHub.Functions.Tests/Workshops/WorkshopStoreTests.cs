using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;
using Npgsql;
using SkillHub.Functions.Infrastructure.Http;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Workshops;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>WorkshopStore on a real, migrated PostgreSQL database: ownership in the WHERE clause, and the search index.</summary>
public sealed class WorkshopStoreTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private readonly WorkshopStore _store = new(database.DataSource);

    // ---- ownership is part of each statement ----

    [Fact]
    public async Task Update_ByAnotherTrainer_ReturnsNull_AndChangesNothing()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var other = await InsertUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "published");
        var before = await WorkshopTestData.ReadAsync(database.DataSource, id);

        var updated = await _store.UpdateAsync(id, 1, other, Details("Hijacked"), CancellationToken.None);

        Assert.Null(updated);
        Assert.Equal(before, await WorkshopTestData.ReadAsync(database.DataSource, id));
    }

    [Fact]
    public async Task Update_ByAParticipant_ReturnsNull_AndChangesNothing()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "published");
        var before = await WorkshopTestData.ReadAsync(database.DataSource, id);

        var updated = await _store.UpdateAsync(id, 1, owner with { Role = Roles.Participant }, Details("Hijacked"), CancellationToken.None);

        Assert.Null(updated);
        Assert.Equal(before, await WorkshopTestData.ReadAsync(database.DataSource, id));
    }

    [Fact]
    public async Task Update_ByTheOwner_WritesEveryDetail_AndBumpsTheVersion()
    {
        var owner = await InsertUserAsync(Roles.Trainer, "Grace Owner");
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);
        var details = Details("Rewritten");

        var updated = await _store.UpdateAsync(id, 1, owner, details, CancellationToken.None);

        Assert.NotNull(updated);
        Assert.Equal((2, "Grace Owner"), (updated.Version, updated.TrainerDisplayName));
        var row = await WorkshopTestData.ReadAsync(database.DataSource, id);
        Assert.Equal(details, new WorkshopDetails(row!.Title, row.Description, row.StartsAt, row.EndsAt, row.Location, row.Capacity));
        Assert.Equal(2, row.Version);
    }

    [Fact]
    public async Task Update_ByAnAdmin_WritesTheChange()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var admin = await InsertUserAsync(Roles.Admin);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);

        var updated = await _store.UpdateAsync(id, 1, admin, Details("Admin was here"), CancellationToken.None);

        Assert.Equal("Admin was here", updated?.Title);
    }

    [Fact]
    public async Task Update_WithAStaleVersion_ReturnsNull_AndChangesNothing()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);
        await WorkshopTestData.ExecuteAsync(database.DataSource, "UPDATE workshops SET version = 3 WHERE id = @id", new { id });
        var before = await WorkshopTestData.ReadAsync(database.DataSource, id);

        var updated = await _store.UpdateAsync(id, 2, owner, Details("Too late"), CancellationToken.None);

        Assert.Null(updated);
        Assert.Equal(before, await WorkshopTestData.ReadAsync(database.DataSource, id));
    }

    [Fact]
    public async Task Update_WithoutAnExpectedVersion_WritesWhateverTheVersion()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);
        await WorkshopTestData.ExecuteAsync(database.DataSource, "UPDATE workshops SET version = 3 WHERE id = @id", new { id });

        var updated = await _store.UpdateAsync(id, null, owner, Details("Any version"), CancellationToken.None);

        Assert.Equal(4, updated?.Version);
    }

    [Fact]
    public async Task Update_BelowTheSeatsTaken_OrOfACancelledWorkshop_ReturnsNull()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var full = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "published", capacity: 10, seatsTaken: 8);
        var cancelled = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "cancelled");

        var belowSeats = await _store.UpdateAsync(full, 1, owner, Details("Smaller") with { Capacity = 7 }, CancellationToken.None);
        var ofCancelled = await _store.UpdateAsync(cancelled, 1, owner, Details("Revived"), CancellationToken.None);

        Assert.Null(belowSeats);
        Assert.Null(ofCancelled);
        Assert.Equal(10, (await WorkshopTestData.ReadAsync(database.DataSource, full))!.Capacity);
        Assert.Equal(1, (await WorkshopTestData.ReadAsync(database.DataSource, cancelled))!.Version);
    }

    [Fact]
    public async Task PublishAndCancel_ByAnotherTrainer_ReturnNull_AndChangeNothing()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var other = await InsertUserAsync(Roles.Trainer);
        var draft = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);
        var published = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "published");
        var draftBefore = await WorkshopTestData.ReadAsync(database.DataSource, draft);
        var publishedBefore = await WorkshopTestData.ReadAsync(database.DataSource, published);

        var publishResult = await _store.PublishAsync(draft, other, CancellationToken.None);
        var cancelResult = await _store.CancelAsync(published, other, "Not mine to cancel", CancellationToken.None);

        Assert.Null(publishResult);
        Assert.Null(cancelResult);
        Assert.Equal(draftBefore, await WorkshopTestData.ReadAsync(database.DataSource, draft));
        Assert.Equal(publishedBefore, await WorkshopTestData.ReadAsync(database.DataSource, published));
    }

    [Fact]
    public async Task Publish_ADraftThatHasStarted_ReturnsNull()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, startsAt: DateTime.UtcNow.AddMinutes(-5));

        var published = await _store.PublishAsync(id, owner, CancellationToken.None);

        Assert.Null(published);
        Assert.Equal("draft", (await WorkshopTestData.ReadAsync(database.DataSource, id))!.Status);
    }

    [Fact]
    public async Task Cancel_ByTheOwner_KeepsTheReason_AndBumpsTheVersion()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var id = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "published");

        var cancelled = await _store.CancelAsync(id, owner, "Snowed in", CancellationToken.None);

        Assert.Equal(("cancelled", 2), (cancelled?.Status, cancelled?.Version));
        Assert.Equal("Snowed in", (await WorkshopTestData.ReadAsync(database.DataSource, id))!.CancelReason);
    }

    [Fact]
    public async Task DeleteUnused_DeletesOnlyAWorkshopThatNeverHadARegistration()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var unused = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);
        var everRegistered = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, everRegistered: true);
        var seatTaken = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id, status: "published", seatsTaken: 1);

        Assert.True(await _store.DeleteUnusedAsync(unused, CancellationToken.None));
        Assert.False(await _store.DeleteUnusedAsync(everRegistered, CancellationToken.None));
        Assert.False(await _store.DeleteUnusedAsync(seatTaken, CancellationToken.None));
        Assert.False(await _store.DeleteUnusedAsync(Guid.NewGuid(), CancellationToken.None));
        Assert.Null(await WorkshopTestData.ReadAsync(database.DataSource, unused));
        Assert.NotNull(await WorkshopTestData.ReadAsync(database.DataSource, everRegistered));
        Assert.NotNull(await WorkshopTestData.ReadAsync(database.DataSource, seatTaken));
    }

    [Fact]
    public async Task FindVisible_HidesDraftsFromEveryoneButTheirTrainerAndAdmins()
    {
        var owner = await InsertUserAsync(Roles.Trainer);
        var draft = await WorkshopTestData.InsertAsync(database.DataSource, owner.Id);

        Assert.Null(await _store.FindVisibleAsync(draft, null, CancellationToken.None));
        Assert.Null(await _store.FindVisibleAsync(draft, new Caller(Guid.NewGuid(), Roles.Trainer), CancellationToken.None));
        Assert.Null(await _store.FindVisibleAsync(draft, new Caller(Guid.NewGuid(), Roles.Participant), CancellationToken.None));
        Assert.Equal(draft, (await _store.FindVisibleAsync(draft, owner, CancellationToken.None))?.Id);
        Assert.Equal(draft, (await _store.FindVisibleAsync(draft, new Caller(Guid.NewGuid(), Roles.Admin), CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task IsActiveTrainer_IsTrueOnlyForAnEnabledTrainer()
    {
        var trainer = await InsertUserAsync(Roles.Trainer);
        var disabled = await InsertUserAsync(Roles.Trainer, disabled: true);
        var participant = await InsertUserAsync(Roles.Participant);
        var admin = await InsertUserAsync(Roles.Admin);

        Assert.True(await _store.IsActiveTrainerAsync(trainer.Id, CancellationToken.None));
        Assert.False(await _store.IsActiveTrainerAsync(disabled.Id, CancellationToken.None));
        Assert.False(await _store.IsActiveTrainerAsync(participant.Id, CancellationToken.None));
        Assert.False(await _store.IsActiveTrainerAsync(admin.Id, CancellationToken.None));
        Assert.False(await _store.IsActiveTrainerAsync(Guid.NewGuid(), CancellationToken.None));
    }

    [Fact]
    public async Task Insert_WritesADraftAtVersionOne_WithTheTrainersName()
    {
        var trainer = await InsertUserAsync(Roles.Trainer, "Linus Trainer");
        var details = Details("Brand new");

        var inserted = await _store.InsertAsync(Guid.CreateVersion7(), trainer.Id, details, CancellationToken.None);

        Assert.Equal(("draft", 1, 0, "Linus Trainer"), (inserted.Status, inserted.Version, inserted.SeatsTaken, inserted.TrainerDisplayName));
        Assert.Equal(details.StartsAt, inserted.StartsAt);
        Assert.Equal(DateTimeKind.Utc, inserted.StartsAt.Kind);
    }

    // ---- the search index ----

    [Fact]
    public async Task List_WithQ_IsServedByTheTrigramIndex_WhoeverLists()
    {
        var trainer = await InsertUserAsync(Roles.Trainer);
        await WorkshopTestData.ExecuteAsync(
            database.DataSource,
            """
            INSERT INTO workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, status)
            SELECT gen_random_uuid(), 'Workshop number ' || n, 'Plain description ' || md5(n::text), @trainerId,
                   now() + n * interval '1 hour', now() + n * interval '1 hour' + interval '2 hours', 'Room', 10,
                   CASE WHEN n % 3 = 0 THEN 'draft' ELSE 'published' END
              FROM generate_series(1, 3000) AS n
            """,
            new { trainerId = trainer.Id });
        var needle = await WorkshopTestData.InsertAsync(database.DataSource, trainer.Id, status: "published", title: "Quixotic zymurgy lab");
        // Rows inserted after CREATE INDEX wait in the GIN pending list, which the planner prices as a
        // scan of the whole list; VACUUM moves them into the index, as autovacuum does in production.
        await WorkshopTestData.ExecuteAsync(database.DataSource, "VACUUM ANALYZE workshops");
        var query = new WorkshopQuery(null, null, null, "zymurgy", null, null, false);

        var plans = new List<string>();
        foreach (var caller in new Caller?[] { null, new(Guid.NewGuid(), Roles.Participant), trainer, new(Guid.NewGuid(), Roles.Admin) })
        {
            foreach (var statement in await CaptureListStatementsAsync(query, caller))
            {
                plans.Add(await ExplainAsync(statement));
            }
        }

        Assert.NotEmpty(plans);
        Assert.All(plans, plan => Assert.Contains("workshops_search_idx", plan, StringComparison.Ordinal));
        var (items, total) = await _store.ListAsync(query with { Search = "ZYMURGY" }, null, new PageRequest(1, 20), CancellationToken.None);
        Assert.Equal([needle], items.Select(i => i.Id));
        Assert.Equal(1, total);
    }

    // ---- helpers ----

    private static WorkshopDetails Details(string title)
    {
        var starts = WorkshopTestData.InDays(15);
        return new WorkshopDetails(title, "Details written by a test", starts, starts.AddHours(2), "Room 7", 25);
    }

    private async Task<Caller> InsertUserAsync(string role, string? displayName = null, bool disabled = false)
    {
        var id = Guid.CreateVersion7();
        await WorkshopTestData.ExecuteAsync(
            database.DataSource,
            "INSERT INTO users (id, email, display_name, password_hash, role, disabled) VALUES (@id, @email, @displayName, 'not-a-hash', @role, @disabled)",
            new { id, email = $"{role}-{id:N}@example.test", displayName = displayName ?? $"Test {role}", role, disabled });
        return new Caller(id, role);
    }

    /// <summary>
    /// Runs ListAsync through a data source that logs what it sends, and returns each statement as
    /// PostgreSQL received it (positional parameters) with the values bound to it.
    /// </summary>
    private async Task<List<LoggedStatement>> CaptureListStatementsAsync(WorkshopQuery query, Caller? caller)
    {
        var capture = new StatementCapture();
        using var loggers = LoggerFactory.Create(logging => logging.AddProvider(capture).SetMinimumLevel(LogLevel.Trace));
        await using (var logged = new NpgsqlDataSourceBuilder(database.ConnectionString).UseLoggerFactory(loggers).EnableParameterLogging().Build())
        {
            await new WorkshopStore(logged).ListAsync(query, caller, new PageRequest(1, 20), CancellationToken.None);
        }

        var statements = capture.Statements
            .Where(s => s.Sql.Contains("FROM workshops", StringComparison.Ordinal))
            .DistinctBy(s => s.Sql, StringComparer.Ordinal)
            .ToList();
        Assert.NotEmpty(statements);
        return statements;
    }

    private async Task<string> ExplainAsync(LoggedStatement statement)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync();
        await using (var off = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var explain = new NpgsqlCommand("EXPLAIN " + statement.Sql, connection);
        foreach (var value in statement.Parameters)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        var lines = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            lines.Add(reader.GetString(0));
        }

        return string.Join('\n', lines);
    }

    private sealed record LoggedStatement(string Sql, IReadOnlyList<object> Parameters);

    /// <summary>Collects the statements Npgsql reports executing, whether sent alone or as a batch.</summary>
    private sealed class StatementCapture : ILoggerProvider, ILogger
    {
        private readonly List<LoggedStatement> _statements = [];

        public IReadOnlyList<LoggedStatement> Statements
        {
            get
            {
                lock (_statements)
                {
                    return [.. _statements];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (state is not IEnumerable<KeyValuePair<string, object?>> fields)
            {
                return;
            }

            var values = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
            var found = new List<LoggedStatement>();
            if (values.TryGetValue("BatchCommands", out var batch) && batch is IEnumerable commands)
            {
                foreach (var command in commands)
                {
                    if (command is ITuple { Length: 2 } pair && pair[0] is string sql)
                    {
                        found.Add(new LoggedStatement(sql, ((pair[1] as IEnumerable) ?? Array.Empty<object>()).Cast<object>().ToList()));
                    }
                }
            }
            else if (values.TryGetValue("CommandText", out var text) && text is string sql)
            {
                var parameters = values.TryGetValue("Parameters", out var logged) && logged is IEnumerable list ? list.Cast<object>().ToList() : [];
                found.Add(new LoggedStatement(sql, parameters));
            }

            lock (_statements)
            {
                _statements.AddRange(found);
            }
        }

        public void Dispose()
        {
        }
    }
}
