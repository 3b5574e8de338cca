using System.Net;
using SecureMail.Reliability.Harness;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.SmtpOutage;

/// <summary>Promise 4: while the SMTP relay is down, deliveries are retried with the configured backoff and complete
/// when it returns; an article is recorded as not delivered only after the last configured retry.</summary>
public class SmtpOutageTests(ITestOutputHelper output)
{
    private static readonly double[] Delays = [1, 2, 3];
    private static readonly int Articles = Scale.Pick(fast: 10, soak: 100);
    private static readonly TimeSpan ShortOutage = TimeSpan.FromSeconds(Scale.Pick(fast: 3, soak: 5));

    [ReliabilityFact]
    public async Task Deliveries_wait_out_an_outage_and_fail_only_after_the_last_retry()
    {
        await using var deployment = await Deployment.StartAsync("smtp_outage", s => s with { RetryDelaysSeconds = string.Join(',', Delays) });
        var helpdesk = await Helpdesk.ConfigureAsync(deployment.Node);
        using var agent = deployment.Node.Client("agent");

        deployment.Smtp.Stop();
        var during = new List<Guid>();
        for (var i = 0; i < Articles; i++)
            during.Add((await Helpdesk.Ids(await Expect201(helpdesk.Open(agent, helpdesk.Mailbox($"customer{i}"))))).ArticleId);
        await Task.Delay(ShortOutage);
        Assert.Empty(await deployment.Store.OfType("article_delivered", "article_delivery_failed"));
        await deployment.RestartSmtpAsync();

        var delivered = await Eventually.Until(() => deployment.Store.OfType("article_delivered"), events => events.Count == Articles,
            Scale.Wait(TimeSpan.FromSeconds(20)), events => $"{events.Count} of {Articles} delivered after the relay came back");
        var attempts = delivered.Select(e => e.Data.GetProperty("attempts").GetInt32()).ToList();
        Assert.All(attempts, a => Assert.InRange(a, 2, Delays.Length + 1));
        Assert.Empty(await deployment.Store.OfType("article_delivery_failed"));
        Assert.Equal(await MessageIdsOf(deployment, during), Mailbox.Read(deployment.Smtp).Select(m => m.MessageId).Order());

        deployment.Smtp.Stop();
        var composedAt = DateTimeOffset.UtcNow;
        var (_, doomed) = await Helpdesk.Ids(await Expect201(helpdesk.Open(agent, helpdesk.Mailbox("doomed"))));
        var failed = (await Eventually.Until(() => deployment.Store.OfType("article_delivery_failed"), events => events.Count == 1,
            Scale.Wait(TimeSpan.FromSeconds(30)), _ => "no delivery failure recorded")).Single();
        var gaveUpAfter = failed.Timestamp - composedAt;

        Assert.Equal(doomed, failed.ArticleId);
        Assert.Equal(Delays.Length + 1, failed.Data.GetProperty("attempts").GetInt32());
        Assert.True(gaveUpAfter >= TimeSpan.FromSeconds(Delays.Sum()), $"Gave up after {gaveUpAfter}, before the retries' {Delays.Sum()} s");
        await deployment.RestartSmtpAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        var doomedMessageId = Assert.Single(await MessageIdsOf(deployment, [doomed]));
        Assert.DoesNotContain(Mailbox.Read(deployment.Smtp), m => m.MessageId == doomedMessageId);

        new Figures(output, "smtp-outage").Report(
            $"{Articles} articles composed during a {ShortOutage.TotalSeconds:0} s outage: all delivered, attempts {attempts.Min()}-{attempts.Max()}, failed 0, duplicates 0; " +
            $"relay down for good: not delivered after {failed.Data.GetProperty("attempts").GetInt32()} attempts, {gaveUpAfter.TotalSeconds:0.0} s (delays {string.Join(",", Delays)} s)");
    }

    /// <summary>The Message-IDs the service recorded for these articles, in order.</summary>
    private static async Task<IReadOnlyList<string>> MessageIdsOf(Deployment deployment, IReadOnlyCollection<Guid> articles) =>
        (await deployment.Store.OfType("article_composed")).Where(e => articles.Contains(e.ArticleId!.Value)).Select(e => e.MessageId!).Order().ToList();

    private static async Task<HttpResponseMessage> Expect201(Task<HttpResponseMessage> request)
    {
        var response = await request;
        await Helpdesk.Expect(response, HttpStatusCode.Created);
        return response;
    }
}
