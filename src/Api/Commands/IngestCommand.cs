using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;
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
            var raw = await Read(source, limit);
            if (raw is null)
            {
                Console.Error.WriteLine($"{source}: larger than the limit of {limit} bytes; not stored.");
                failures++;
                continue;
            }
            var received = await bus.InvokeAsync<ReceivedArticle>(new ReceiveMessage(raw, $"cli:{Environment.UserName}"));
            Console.WriteLine($"{source}\tticket {received.TicketId}\tarticle {received.ArticleId}");
        }
        await host.StopAsync();
        return failures == 0;
    }

    private static async Task<byte[]?> Read(string source, long limit)
    {
        await using var stream = source == "-" ? Console.OpenStandardInput() : File.OpenRead(source);
        using var buffer = new MemoryStream();
        var chunk = new byte[64 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit)
                return null;
        }
        return buffer.ToArray();
    }
}
