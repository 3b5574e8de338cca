using System.Globalization;
using System.Text;

namespace SecureMail.Bench.Harness;

/// <summary>One run of every row asked for, with the notes it wrote.</summary>
public sealed record Run(IReadOnlyList<Row> Rows, IReadOnlyList<string> Notes);

/// <summary>docs/benchmarks.md: one table, every figure beside its reference from the same run. With several runs, each row
/// shows the run whose ratio is the median, the ratios of all runs, and in how many runs the target was met.</summary>
public static class Report
{
    public static string Markdown(IReadOnlyList<Run> runs, BenchOptions options, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine("# Benchmarks");
        text.AppendLine();
        text.AppendLine($"Written by `scripts/bench{(options.Quick ? " --quick" : "")}` on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, " +
            $"{Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs.Count} run(s) in {elapsed.TotalMinutes:F1} min. " +
            "Every reference is measured in the same run as its figure, on the same machine; the machine is shared and noisy, " +
            "so compare ratios, not absolute times. Medians unless said; see ADR 15 for what each row measures." +
            (runs.Count > 1 ? " Each row is its median run (by ratio); the ratios of every run follow it." : ""));
        if (options.Quick)
            text.AppendLine().AppendLine("**Quick mode: reduced sizes, a smoke test of the harness. Do not quote these numbers.**");
        text.AppendLine();
        text.AppendLine("| # | figure | value | reference (same run) | value | ratio | target | met? |");
        text.AppendLine("|---|---|---|---|---|---|---|---|");
        var medians = new List<(Row Row, int Run)>();
        foreach (var number in runs.SelectMany(r => r.Rows).Select(r => r.Number).Distinct().Order())
        {
            var measured = runs.Select((run, index) => (Row: run.Rows.SingleOrDefault(r => r.Number == number), Run: index + 1))
                .Where(m => m.Row is not null).Select(m => (Row: m.Row!, m.Run)).ToList();
            var median = measured.OrderBy(m => m.Row.Ratio).ElementAt(measured.Count / 2);
            medians.Add(median);
            var row = median.Row;
            var all = measured.Count > 1 ? $"; runs: {string.Join(", ", measured.Select(m => m.Row.Ratio.ToString("F2", CultureInfo.InvariantCulture)))}" : "";
            var met = measured.Count > 1 ? $" ({measured.Count(m => m.Row.Met)} of {measured.Count})" : "";
            text.AppendLine(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Number} | {row.Figure} | {row.Value} | {row.Reference} | {row.ReferenceValue} | {row.Ratio:F2} ({row.RatioMeaning}{all}) | {row.Target.Text} | {(row.Met ? "yes" : "**no**")}{met} |"));
        }
        var rowNotes = medians.Where(m => m.Row.Note is not null)
            .Select(m => $"- Row {m.Row.Number}{(runs.Count > 1 ? $" (run {m.Run})" : "")}: {m.Row.Note}").ToList();
        var runNotes = runs.SelectMany((run, index) => run.Notes.Select(n => runs.Count > 1 ? $"- Run {index + 1}: {n}" : $"- {n}")).ToList();
        if (rowNotes.Count + runNotes.Count > 0)
        {
            text.AppendLine();
            text.AppendLine("## Notes");
            text.AppendLine();
            foreach (var note in rowNotes.Concat(runNotes))
                text.AppendLine(note);
        }
        return text.ToString();
    }
}
