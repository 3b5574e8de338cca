using System.Text;
using Microsoft.AspNetCore.Hosting;
using SecureMail.Api.Tests.Support;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>A service of its own whose security process may take a millisecond: every message runs out of time, and is
/// recorded as not checked rather than left without a status.</summary>
public sealed class InboundTimeLimitTests : IAsyncLifetime
{
    private readonly ServiceFixture service = new("inbound_time_limit_tests", web => web.UseSetting("Inbound:ProcessingSeconds", "0.001"));

    public Task InitializeAsync() => service.InitializeAsync();

    public Task DisposeAsync() => service.DisposeAsync();

    [Fact]
    public async Task A_message_over_the_time_limit_is_recorded_as_not_checked()
    {
        var helpdesk = new Helpdesk(service);
        await helpdesk.Configure();
        // Nine hundred parts: far more work than the limit allows, so the limit, not a race, decides.
        var parts = string.Concat(Enumerable.Range(0, 900).Select(i => $"--b\r\nContent-Type: text/plain; name=\"{i}.txt\"\r\n\r\npart {i}\r\n"));
        var raw = Encoding.ASCII.GetBytes($"From: {helpdesk.Mailbox("alice")}\r\nTo: {helpdesk.Address}\r\nSubject: Slow\r\nMIME-Version: 1.0\r\n"
            + $"Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n{parts}--b--\r\n");

        var article = await helpdesk.Processed(await helpdesk.Ingest(raw));

        const string notChecked = "The message took too long to process (over 0.001 s); it was not checked.";
        var security = article["security"]!;
        Assert.Equal(("failed", "timed-out", notChecked),
            ((string?)security["encryption"]!["status"], (string?)security["encryption"]!["code"], (string?)security["encryption"]!["message"]));
        Assert.Equal(("invalid", "timed-out", notChecked),
            ((string?)security["signature"]!["status"], (string?)security["signature"]!["code"], (string?)security["signature"]!["message"]));
        Assert.Equal(("", 0), ((string?)article["body"], article["attachments"]!.AsArray().Count));
    }
}
