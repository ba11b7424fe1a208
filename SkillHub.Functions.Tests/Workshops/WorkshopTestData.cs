using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Npgsql;
using SkillHub.Functions.Tests.Support;

namespace SkillHub.Functions.Tests.Workshops;

/// <summary>A workshops row exactly as stored, to compare before and after a request.</summary>
public sealed record WorkshopRow(
    Guid Id,
    string Title,
    string Description,
    Guid TrainerId,
    DateTime StartsAt,
    DateTime EndsAt,
    string Location,
    int Capacity,
    int SeatsTaken,
    string Status,
    string? CancelReason,
    bool EverRegistered,
    DateTime UpdatedAt,
    int Version);

/// <summary>
/// Arranges workshops straight in SQL, where tests need states the API cannot reach on its own
/// (seats taken, past dates, past registrations), and reads rows back to check what was written.
/// </summary>
public static class WorkshopTestData
{
    private const string Columns =
        """
        id AS Id, title AS Title, description AS Description, trainer_id AS TrainerId, starts_at AS StartsAt,
        ends_at AS EndsAt, location AS Location, capacity AS Capacity, seats_taken AS SeatsTaken, status AS Status,
        cancel_reason AS CancelReason, ever_registered AS EverRegistered, updated_at AS UpdatedAt, version AS Version
        """;

    /// <summary>Whole seconds, so timestamps compare equal after a round trip through PostgreSQL and JSON.</summary>
    public static DateTime InDays(int days, int hour = 9) =>
        DateTime.UtcNow.Date.AddDays(days).AddHours(hour);

    public static async Task<Guid> InsertAsync(
        NpgsqlDataSource database,
        Guid trainerId,
        string status = "draft",
        string? title = null,
        string description = "",
        DateTime? startsAt = null,
        int capacity = 20,
        int seatsTaken = 0,
        bool everRegistered = false,
        bool neverPublished = false)
    {
        ArgumentNullException.ThrowIfNull(database);
        var id = Guid.CreateVersion7();
        var starts = startsAt ?? InDays(30);
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(
            """
            INSERT INTO workshops (id, title, description, trainer_id, starts_at, ends_at, location, capacity, seats_taken,
                                   status, cancel_reason, ever_registered, published_at)
            VALUES (@id, @title, @description, @trainerId, @starts, @ends, 'Room 1', @capacity, @seatsTaken,
                    @status, @cancelReason, @everRegistered, @publishedAt)
            """,
            new
            {
                id,
                title = title ?? $"Workshop {id:N}",
                description,
                trainerId,
                starts,
                ends = starts.AddHours(3),
                capacity,
                seatsTaken,
                status,
                cancelReason = status == "cancelled" ? "Arranged by a test" : null,
                everRegistered,
                // A published row gets its date from the database; a cancelled one was published first unless told otherwise.
                publishedAt = status == "cancelled" && !neverPublished ? starts.AddDays(-10) : (DateTime?)null,
            });
        return id;
    }

    public static async Task<WorkshopRow?> ReadAsync(NpgsqlDataSource database, Guid id)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<WorkshopRow>($"SELECT {Columns} FROM workshops WHERE id = @id", new { id });
    }

    public static async Task<long> CountAsync(NpgsqlDataSource database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM workshops");
    }

    public static async Task ExecuteAsync(NpgsqlDataSource database, string sql, object? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var connection = await database.OpenConnectionAsync();
        await connection.ExecuteAsync(sql, parameters);
    }

    /// <summary>A complete, valid create body; tests change one field at a time.</summary>
    public static Dictionary<string, object?> CreateBody(Guid? trainerId = null, string title = "Intro to PostgreSQL", int capacity = 12)
    {
        var startsAt = InDays(20);
        var body = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["title"] = title,
            ["description"] = "Indexes, plans and transactions.",
            ["startsAt"] = Timestamp(startsAt),
            ["endsAt"] = Timestamp(startsAt.AddHours(3)),
            ["location"] = "Room 4",
            ["capacity"] = capacity,
        };
        if (trainerId is { } id)
        {
            body["trainerId"] = id;
        }

        return body;
    }

    public static string Timestamp(DateTime utc) =>
        utc.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static HttpRequestMessage Patch(Guid id, object body, string? ifMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/workshops/{id}") { Content = AppFixture.Json(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return request;
    }

    public static JsonContent CancelBody(string reason = "The trainer is ill.") => AppFixture.Json(new { reason });

    /// <summary>Sends a request that must be refused with a problem of <paramref name="status"/> (naming <paramref name="errorFields"/>) and leave the workshop's row as it was.</summary>
    public static async Task AssertRefusedUnchangedAsync(AppFixture app, Guid id, Func<Task<HttpResponseMessage>> send, HttpStatusCode status, params string[] errorFields)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(send);
        var before = await ReadAsync(app.Database.DataSource, id);

        using var response = await send();

        await AssertProblemAsync(response, status, errorFields);
        Assert.Equal(before, await ReadAsync(app.Database.DataSource, id));
    }

    /// <summary>
    /// Asserts an RFC 9457 problem with the given status that leaks no SQL or stack trace, and, when
    /// fields are given, that its <c>errors</c> name exactly those fields.
    /// </summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, params string[] errorFields)
    {
        var problem = await HttpProblem.AssertAsync(response, (int)status);
        var text = problem.GetRawText();
        Assert.DoesNotContain("Npgsql", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        if (errorFields.Length > 0)
        {
            Assert.Equal(errorFields.Order(StringComparer.Ordinal), HttpProblem.Fields(problem).Order(StringComparer.Ordinal));
        }

        return problem;
    }

    public static string? ETagOf(HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        return response.Headers.TryGetValues("ETag", out var values) ? values.Single() : null;
    }
}
