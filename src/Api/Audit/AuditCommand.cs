using System.Text.Json;
using JasperFx.CommandLine;
using Microsoft.Extensions.Hosting;
using SecureMail.Application.Audit;

namespace SecureMail.Api.Audit;

public sealed class AuditInput : NetCoreInput
{
    [Description("verify: recompute the event log's hash chain; checkpoints: print the newest checkpoints, to pin outside the database; replay: rebuild every read model into a scratch schema and compare it with the live one")]
    public string Action { get; set; } = "verify";

    [Description("A checkpoint kept outside the database, SEQUENCE:HASH; repeat for several")]
    [FlagAlias("pin")]
    public List<string> PinFlag { get; set; } = [];

    [Description("How many checkpoints to print (default 10)")]
    [FlagAlias("limit", 'n')]
    public int LimitFlag { get; set; } = 10;
}

/// <summary><c>dotnet run --project src/Api -- audit verify [--pin SEQ:HASH]</c>: the command-line twin of
/// POST /api/v1/audit/verify. Prints the report as JSON and fails (exit code 1) when the chain does not hold.
/// <c>audit replay</c> rebuilds the read models into a scratch schema and fails when any differs from the live one.</summary>
[Description("Audit the event log: verify its hash chain, print checkpoints to keep outside the database, or replay the read models", Name = "audit")]
public sealed class AuditCommand : JasperFxAsyncCommand<AuditInput>
{
    private static readonly JsonSerializerOptions Output = new(JsonSerializerDefaults.Web) { WriteIndented = true, Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

    public override async Task<bool> Execute(AuditInput input)
    {
        var checkpoints = input.Action.Equals("checkpoints", StringComparison.OrdinalIgnoreCase);
        var replay = input.Action.Equals("replay", StringComparison.OrdinalIgnoreCase);
        if (!checkpoints && !replay && !input.Action.Equals("verify", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"Unknown action {input.Action}: verify, checkpoints or replay.");
            return false;
        }
        using var host = input.BuildHost();
        if (replay)
        {
            var replayed = await host.Services.GetRequiredService<IReadModelReplay>().RunAsync(CancellationToken.None);
            Console.WriteLine(JsonSerializer.Serialize(replayed, Output));
            return replayed.Ok;
        }
        var chain = host.Services.GetRequiredService<IAuditChain>();
        if (checkpoints)
        {
            foreach (var checkpoint in await chain.CheckpointsAsync(Math.Max(input.LimitFlag, 1), CancellationToken.None))
                Console.WriteLine($"{checkpoint.Sequence}:{checkpoint.Hash}\tposition {checkpoint.Position}\t{checkpoint.CreatedAt:O}");
            return true;
        }
        var pins = new List<PinnedCheckpoint>();
        foreach (var pin in input.PinFlag)
        {
            var parts = pin.Split(':', 2);
            if (parts.Length != 2 || !long.TryParse(parts[0], out var sequence))
            {
                Console.Error.WriteLine($"--pin {pin}: expected SEQUENCE:HASH.");
                return false;
            }
            pins.Add(new PinnedCheckpoint(sequence, parts[1]));
        }
        var report = await chain.VerifyAsync(pins, CancellationToken.None);
        Console.WriteLine(JsonSerializer.Serialize(report, Output));
        return report.Ok;
    }
}
