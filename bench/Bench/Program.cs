using System.Diagnostics;
using SecureMail.Bench.Crypto;
using SecureMail.Bench.Harness;

var options = BenchOptions.FromArguments(args);
Directory.CreateDirectory(options.WorkDirectory);
var log = Console.Out;
var clock = Stopwatch.StartNew();
var rows = new List<Row>();
var notes = new List<string>();

var crypto = await CryptoRows.RunAsync(options, log);
rows.AddRange(crypto.Rows);

foreach (var row in rows.OrderBy(r => r.Number))
    log.WriteLine($"row {row.Number}: {row.Value} vs {row.ReferenceValue}, ratio {row.Ratio:F2}, target {row.Target.Text}: {(row.Met ? "met" : "MISSED")}");
await File.WriteAllTextAsync(options.ReportPath, Report.Markdown(rows, options, clock.Elapsed, notes));
log.WriteLine($"wrote {options.ReportPath} in {clock.Elapsed.TotalSeconds:F0} s");
