using System.Diagnostics;
using SecureMail.Bench.Crypto;
using SecureMail.Bench.Harness;
using SecureMail.Bench.Load;
using SecureMail.Bench.Store;
using SecureMail.Bench.Web;

var options = BenchOptions.FromArguments(args);
Directory.CreateDirectory(options.WorkDirectory);
var log = Console.Out;
var clock = Stopwatch.StartNew();
// scripts/bench starts the service beside this process. Its start-up (JIT, Wolverine's code compiled by Roslyn, ADR 19)
// takes seconds of CPU: waited for here, it no longer competes with what run 1 measures first, the crypto floors.
TimeSpan? serviceWarmUp;
using (var service = new ServiceClient(options.Api, options.SigningKey))
{
    await service.WaitUntilHealthyAsync(TimeSpan.FromMinutes(2));
    serviceWarmUp = await service.WaitUntilWarmAsync(TimeSpan.FromMinutes(2));
}
log.WriteLine($"the service is up{(serviceWarmUp is { } took ? $", its warm-up finished {took.TotalMilliseconds:F0} ms after /health first answered" : "")}");
var runs = new List<Run>();
for (var number = 1; number <= options.Repeats; number++)
{
    log.WriteLine($"run {number} of {options.Repeats}");
    var (rows, notes) = (new List<Row>(), new List<string>());
    var crypto = await CryptoRows.RunAsync(options, log);
    rows.AddRange(crypto.Rows);
    if (new[] { 1, 2, 6, 7, 9 }.Any(options.Runs))
        rows.AddRange(await LoadRows.RunAsync(options, crypto, serviceWarmUp, notes, log));
    if (options.Runs(5) || options.Runs(8))
        rows.AddRange(await EventLogRows.RunAsync(options, notes, log));
    if (options.Runs(10) || options.Runs(11))
        rows.AddRange(await WebRows.RunAsync(options, log));
    foreach (var row in rows.OrderBy(r => r.Number))
        log.WriteLine($"row {row.Number}: {row.Value} vs {row.ReferenceValue}, ratio {row.Ratio:F2}, target {row.Target.Text}: {(row.Met ? "met" : "MISSED")}");
    runs.Add(new Run(rows, notes));
}
await File.WriteAllTextAsync(options.ReportPath, Report.Markdown(runs, options, clock.Elapsed));
log.WriteLine($"wrote {options.ReportPath} in {clock.Elapsed.TotalSeconds:F0} s");
