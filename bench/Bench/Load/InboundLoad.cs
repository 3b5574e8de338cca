using System.Diagnostics;
using SecureMail.Bench.Harness;

namespace SecureMail.Bench.Load;

/// <summary>A mail server posting S/MIME mail, N connections at once; an article counts when the service has stored,
/// decrypted, verified and read it (its content extracted), not when it answered 202.</summary>
public sealed class InboundLoad(ServiceClient service, EventCounts events, int? servicePid)
{
    public async Task<(double Rate, CpuReading Cpu)> RunAsync(IReadOnlyList<byte[]> mail, int articles)
    {
        await PostAndWait(mail, BenchOptions.WarmupFor(articles));
        var before = CpuMeter.Read(servicePid);
        var clock = Stopwatch.StartNew();
        await PostAndWait(mail, articles);
        var rate = articles / clock.Elapsed.TotalSeconds;
        var cpu = CpuMeter.Read(servicePid) - before;
        var failures = await events.OfAsync("decryption_failed", "signature_verification_failed");
        if (failures > 0)
            throw new InvalidOperationException($"{failures} benchmark messages did not decrypt or verify.");
        return (rate, cpu);
    }

    private async Task PostAndWait(IReadOnlyList<byte[]> mail, int count)
    {
        var before = await events.OfAsync("article_content_extracted");
        await Timing.ThroughputAsync(count, BenchOptions.Clients, i =>
            ServiceClient.Expect(service.SendBytesAsync("/api/v1/inbound", "mailer", mail[i % mail.Count], "message/rfc822"), 202));
        await events.WaitUntilAsync(async () => await events.OfAsync("article_content_extracted") >= before + count, TimeSpan.FromMinutes(5),
            $"{count} posted messages processed (content extracted)");
    }
}
