using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;
using SecureMail.Api.Http;
using SecureMail.Application.Inbound;
using Wolverine;

namespace SecureMail.Api.Commands;

public sealed class IngestInput : NetCoreInput
{
    [Description("Raw messages (.eml); \"-\" reads one message from standard input")]
    public List<string> Files { get; set; } = [];
}

/// <summary><c>dotnet run --project src/Api -- ingest FILE...</c>: the command-line twin of POST /api/v1/inbound, for an MTA
/// pipe or a backlog import. Each message is stored exactly as the endpoint stores it; decryption and verification
/// wait in the durable outbox and run here before exit, or on the next start of any node.</summary>
[Description("Ingest raw incoming messages from files or standard input", Name = "ingest")]
public sealed class IngestCommand : JasperFxAsyncCommand<IngestInput>
{
    public override async Task<bool> Execute(IngestInput input)
    {
        using var host = input.BuildHost();
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IMessageBus>();
        var limit = host.Services.GetRequiredService<InboundOptions>().MaxMessageBytes;
        var failures = 0;
        foreach (var source in input.Files)
        {
            byte[] raw;
            try
            {
                await using var stream = source == "-" ? Console.OpenStandardInput() : File.OpenRead(source);
                raw = await Upload.ReadLimitedAsync(stream, limit, CancellationToken.None);
            }
            catch (UploadRejected rejected)
            {
                Console.Error.WriteLine($"{source}: {rejected.Message} Not stored.");
                failures++;
                continue;
            }
            var received = await bus.InvokeAsync<ReceivedArticle>(new ReceiveMessage(raw, $"cli:{Environment.UserName}"));
            Console.WriteLine($"{source}\tticket {received.TicketId}\tarticle {received.ArticleId}");
        }
        await host.StopAsync();
        return failures == 0;
    }
}
