using System.Net;
using System.Text;
using CsvHelper;
using SkillHub.Functions.Infrastructure.Security;
using SkillHub.Functions.Registrations;
using SkillHub.Functions.Tests.Support;
using SkillHub.Functions.Tests.Workshops;
using static SkillHub.Functions.Tests.Attendance.AttendanceTestData;

namespace SkillHub.Functions.Tests.Attendance;

/// <summary>GET /api/workshops/{id}/attendance.csv over real HTTP, parsed back with CsvHelper.</summary>
public sealed class AttendanceSheetHttpTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Sheet_IsUtf8WithBom_SemicolonSeparated_ConfirmedOnlyByName_WithFormulasNeutralised()
    {
        var trainer = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, trainer.Id, WorkshopTestData.InDays(2));
        var evil = await app.CreateUserAsync(Roles.Participant, displayName: "=HYPERLINK(\"http://evil\",\"x\")");
        var plus = await app.CreateUserAsync(Roles.Participant, displayName: "+cmd");
        var emile = await app.CreateUserAsync(Roles.Participant, displayName: "Émile Zola; fils");
        var anna = await app.CreateUserAsync(Roles.Participant, displayName: "anna Blanc");
        var waiting = await app.CreateUserAsync(Roles.Participant, displayName: "Waiting Person");
        await RegisterAsync(app, workshopId, evil.Id, attendance: RegistrationAttendance.Absent);
        await RegisterAsync(app, workshopId, plus.Id, attendance: RegistrationAttendance.Excused);
        await RegisterAsync(app, workshopId, emile.Id, attendance: RegistrationAttendance.Attended);
        await RegisterAsync(app, workshopId, anna.Id);
        await RegisterAsync(app, workshopId, waiting.Id, RegistrationStatus.Waitlisted);
        using var client = app.ClientFor(trainer);

        using var response = await client.GetAsync(SheetOf(workshopId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal($"attachment; filename=\"emargement-{workshopId}.csv\"", response.Content.Headers.ContentDisposition?.ToString() ?? string.Join(",", response.Headers.GetValues("Content-Disposition")));
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.Preamble.ToArray(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Nom;E-mail;Statut;Présence;Signature\r\n", text, StringComparison.Ordinal);

        using var csv = CsvReader.FromText(text, new CsvReaderOptions { Separator = ';' });
        var rows = new List<string[]>();
        while (csv.Read())
        {
            rows.Add([.. Enumerable.Range(0, 5).Select(csv.GetString)]);
        }

        Assert.Equal(
            [
                ["'+cmd", plus.Email, "Confirmée", "Excusé", ""],
                ["'=HYPERLINK(\"http://evil\",\"x\")", evil.Email, "Confirmée", "Absent", ""],
                ["anna Blanc", anna.Email, "Confirmée", "Non renseignée", ""],
                ["Émile Zola; fils", emile.Email, "Confirmée", "Présent", ""],
            ],
            rows);
    }

    [Fact]
    public async Task Sheet_OfAnotherTrainersWorkshop_Answers403()
    {
        var owner = await app.CreateUserAsync(Roles.Trainer);
        var workshopId = await WorkshopAsync(app, owner.Id, WorkshopTestData.InDays(2));
        using var client = app.ClientFor(await app.CreateUserAsync(Roles.Trainer));

        using var response = await client.GetAsync(SheetOf(workshopId));

        await WorkshopTestData.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }
}
