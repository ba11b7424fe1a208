using System.Globalization;
using System.Text;

namespace SkillHub.Bench;

/// <summary>The tables the bench prints and writes to bench/results.md.</summary>
public sealed class Report
{
    private readonly List<(string Title, string[] Header, List<string[]> Rows)> _sections = [];
    private readonly List<string[]> _targets = [];

    public List<string[]> Section(string title, params string[] header)
    {
        var rows = new List<string[]>();
        _sections.Add((title, header, rows));
        return rows;
    }

    /// <summary>One target of the issue: the figure reached, the bar, and whether it is met.</summary>
    public void Target(string name, double value, string unit, double bar, bool atLeast)
    {
        var met = atLeast ? value >= bar : value <= bar;
        _targets.Add([name, N(value, 2) + unit, (atLeast ? "≥ " : "≤ ") + N(bar, 2) + unit, met ? "met" : "MISSED"]);
    }

    public string ToMarkdown(IEnumerable<(string Name, string Value)> context)
    {
        var text = new StringBuilder();
        text.AppendLine("# SkillHub benchmark results").AppendLine();
        foreach (var (name, value) in context)
        {
            text.Append("- ").Append(name).Append(": ").AppendLine(value);
        }

        text.AppendLine();
        foreach (var (title, header, rows) in _sections)
        {
            Table(text, title, header, rows);
        }

        Table(text, "Targets", ["Target", "Measured", "Aim", "Result"], _targets);
        return text.ToString();
    }

    public static string N(double value, int decimals = 1) =>
        double.IsNaN(value) ? "n/a" : value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    private static void Table(StringBuilder text, string title, string[] header, List<string[]> rows)
    {
        text.Append("## ").AppendLine(title).AppendLine();
        text.Append("| ").AppendJoin(" | ", header).AppendLine(" |");
        text.Append('|').AppendJoin("|", header.Select(_ => " --- ")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row).AppendLine(" |");
        }

        text.AppendLine();
    }
}
