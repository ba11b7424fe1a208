using System.Globalization;
using System.Text;
using CsvHelper;
using SkillHub.Functions.Registrations;

namespace SkillHub.Functions.Attendance;

/// <summary>One person on the attendance sheet; name and e-mail are null when the account no longer exists.</summary>
public sealed record AttendanceSheetLine(string? Name, string? Email, string Status, string? Attendance)
{
    /// <summary>By name as a French reader sorts it (case and accents aside), then by e-mail.</summary>
    public static IComparer<AttendanceSheetLine> ByName { get; } = Comparer<AttendanceSheetLine>.Create((a, b) =>
    {
        var byName = string.CompareOrdinal(AttendanceSheet.SortKey(a.Name), AttendanceSheet.SortKey(b.Name));
        return byName != 0 ? byName : string.CompareOrdinal(a.Email, b.Email);
    });
}

/// <summary>
/// The attendance sheet (feuille d'émargement) as CSV for French spreadsheet software: UTF-8 with a
/// byte order mark, <c>;</c> between fields, CRLF, a French header and an empty column to sign in.
/// A cell that a spreadsheet would run as a formula (starting with = + - @, a tab or CR) is written
/// with a leading <c>'</c>, so a participant's name can never run anything on the organiser's computer.
/// </summary>
public static class AttendanceSheet
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static readonly string[] Header = ["Nom", "E-mail", "Statut", "Présence", "Signature"];

    private const string NoAccount = "(compte supprimé)";

    private static readonly CsvWriterOptions Options = new()
    {
        Separator = ';',
        NewLine = "\r\n",
        WriteByteOrderMark = true,
        Injection = CsvInjection.Escape,
    };

    public static string FileName(Guid workshopId) => $"emargement-{workshopId}.csv";

    public static byte[] Write(IEnumerable<AttendanceSheetLine> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        using var output = new MemoryStream();
        using (var csv = CsvWriter.Create(output, Options, leaveOpen: true))
        {
            csv.WriteHeader(Header);
            foreach (var line in lines)
            {
                csv.WriteRecord([line.Name ?? NoAccount, line.Email ?? string.Empty, StatusInFrench(line.Status), AttendanceInFrench(line.Attendance), string.Empty]);
            }
        }

        return output.ToArray();
    }

    public static string StatusInFrench(string status) => status switch
    {
        RegistrationStatus.Confirmed => "Confirmée",
        RegistrationStatus.Waitlisted => "En liste d'attente",
        RegistrationStatus.Cancelled => "Annulée",
        _ => status,
    };

    public static string AttendanceInFrench(string? attendance) => attendance switch
    {
        RegistrationAttendance.Attended => "Présent",
        RegistrationAttendance.Absent => "Absent",
        RegistrationAttendance.Excused => "Excusé",
        _ => "Non renseignée",
    };

    /// <summary>The name without case or accents: Émile sorts with the E, not after Z.</summary>
    internal static string SortKey(string? name)
    {
        var decomposed = (name ?? string.Empty).Normalize(NormalizationForm.FormD);
        var key = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed.Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark))
        {
            key.Append(char.ToUpperInvariant(c));
        }

        return key.ToString();
    }
}
