using System.Globalization;
using System.Text;

namespace SecureMail.Bench.Harness;

/// <summary>docs/benchmarks.md: one table, every figure beside its reference from the same run.</summary>
public static class Report
{
    public static string Markdown(IReadOnlyList<Row> rows, BenchOptions options, TimeSpan elapsed, IReadOnlyList<string> notes)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine($"Written by `scripts/bench{(options.Quick ? " --quick" : "")}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, in {elapsed.TotalMinutes:F1} min. " +
            "Every reference is measured in the same run as its figure, on the same machine; the machine is shared and noisy, " +
            "so compare ratios, not absolute times. Medians unless said; see ADR 15 for what each row measures.");
        if (options.Quick)
            text.AppendLine().AppendLine("**Quick mode: reduced sizes, a smoke test of the harness. Do not quote these numbers.**");
        text.AppendLine();
        text.AppendLine("| # | figure | value | reference (same run) | value | ratio | target | met? |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var row in rows.OrderBy(r => r.Number))
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Number} | {row.Figure} | {row.Value} | {row.Reference} | {row.ReferenceValue} | {row.Ratio:F2} ({row.RatioMeaning}) | {row.Target.Text} | {(row.Met ? "yes" : "**no**")} |"));
        var rowNotes = rows.Where(r => r.Note is not null).OrderBy(r => r.Number).Select(r => $"- Row {r.Number}: {r.Note}").ToList();
        if (rowNotes.Count + notes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Notes from this run");
            text.AppendLine();
            foreach (var note in rowNotes.Concat(notes.Select(n => $"- {n}")))
                text.AppendLine(note);
        }
        return text.ToString();
    }
}
