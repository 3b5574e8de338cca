using SecureMail.Api.Tests.Support;
using static SecureMail.Api.Tests.Audit.AuditLog;
using static SecureMail.Api.Tests.Support.Database;

namespace SecureMail.Api.Tests.Audit;

/// <summary>Tampering as someone with database access would, on the schema every test shares: each test puts the
/// rows back exactly as they were, so the chain verifies again for the tests that follow.</summary>
[Collection(RunningService.Name)]
public class TamperEvidenceTests(ServiceFixture service)
{
    private readonly AuditLog audit = new(service);

    [Fact]
    public async Task Verify_passes_on_an_untouched_log_and_checks_the_stored_checkpoints()
    {
        await audit.PastACheckpoint();
        var (_, sequence, _) = await audit.ImportCertificate();
        await Chained(sequence);

        var report = await audit.Verify();

        Assert.True(report.Value<bool>("ok"), report.ToJsonString());
        Assert.Null(report["failure"]);
        var head = report["head"]!.Value<long>("sequence");
        Assert.True(head >= sequence);
        Assert.Equal(await Scalar<long>($"select count(*) from {Events} where seq_id <= {head}"), report.Value<long>("eventsChecked"));
        Assert.True(report.Value<int>("checkpointsChecked") > 0, report.ToJsonString());
    }

    [Fact]
    public async Task An_edited_event_is_found_by_its_sequence_and_stream()
    {
        var (streamId, sequence, _) = await audit.ImportCertificate();
        await Chained(sequence);
        var original = await Scalar<string>($"select data::text from {Events} where seq_id = {sequence}");

        await ExpectFinding("Edited", sequence, streamId.ToString(), detail: "data no longer matches",
            tamper: $"update {Events} set data = jsonb_set(data, '{{importedBy}}', '\"mallory\"') where seq_id = {sequence}",
            restore: $"update {Events} set data = '{original.Replace("'", "''")}'::jsonb where seq_id = {sequence}");
    }

    [Fact]
    public async Task An_event_moved_back_in_time_is_found_as_a_metadata_edit()
    {
        var (streamId, sequence, _) = await audit.ImportCertificate();
        await Chained(sequence);

        await ExpectFinding("Edited", sequence, streamId.ToString(), detail: "metadata",
            tamper: $"update {Events} set timestamp = timestamp - interval '1 microsecond' where seq_id = {sequence}",
            restore: $"update {Events} set timestamp = timestamp + interval '1 microsecond' where seq_id = {sequence}");
    }

    /// <summary>Runs <paramref name="tamper"/>, expects verify to report <paramref name="kind"/> at the sequence number
    /// and stream given (and <paramref name="detail"/> in its text), then puts the rows back and expects the chain to hold.</summary>
    private async Task ExpectFinding(string kind, long sequence, string streamId, string tamper, string restore, string? detail = null)
    {
        await Execute(tamper);
        try
        {
            var report = await audit.Verify();

            Assert.False(report.Value<bool>("ok"), report.ToJsonString());
            var failure = report["failure"]!;
            Assert.Equal(kind, failure.Value<string>("kind"));
            Assert.Equal(sequence, failure.Value<long>("sequence"));
            Assert.Equal(streamId, failure.Value<string>("streamId"));
            if (detail is not null)
                Assert.Contains(detail, failure.Value<string>("detail"));
        }
        finally
        {
            await Execute(restore);
        }
        Assert.True((await audit.Verify()).Value<bool>("ok"));
    }

    [Fact]
    public async Task A_deleted_event_is_found()
    {
        var (streamId, sequence, _) = await audit.ImportCertificate();
        await Chained(sequence);

        await ExpectFinding("Deleted", sequence, streamId.ToString(), Delete(sequence, "audit_test_deleted"), Restore("audit_test_deleted"));
    }

    [Fact]
    public async Task The_newest_event_deleted_is_found_though_no_event_follows_it()
    {
        await audit.ImportCertificate();
        var newest = await Scalar<long>($"select max(seq_id) from {Events}");
        await Chained(newest);
        var streamId = await Scalar<string>($"select stream_id::text from {Events} where seq_id = {newest}");

        await ExpectFinding("Deleted", newest, streamId, Delete(newest, "audit_test_newest"), Restore("audit_test_newest"));
    }

    /// <summary>Deletes the event, keeping it aside in <paramref name="keep"/> for <see cref="Restore"/>.</summary>
    private static string Delete(long sequence, string keep) =>
        $"create table {ServiceFixture.Schema}.{keep} as select * from {Events} where seq_id = {sequence}; delete from {Events} where seq_id = {sequence}";

    private static string Restore(string kept) =>
        $"insert into {Events} select * from {ServiceFixture.Schema}.{kept}; drop table {ServiceFixture.Schema}.{kept}";

    [Fact]
    public async Task A_chain_hash_cut_short_is_found_as_an_altered_chain()
    {
        var (streamId, sequence, _) = await audit.ImportCertificate();
        await Chained(sequence);
        var chain = $"{ServiceFixture.Schema}.audit_chain";
        var hash = await Scalar<string>($"select encode(hash, 'hex') from {chain} where seq = {sequence}");

        await ExpectFinding("ChainAltered", sequence, streamId.ToString(),
            tamper: $"update {chain} set hash = substring(hash from 1 for 16) where seq = {sequence}",
            restore: $"update {chain} set hash = decode('{hash}', 'hex') where seq = {sequence}");
    }

    [Fact]
    public async Task Two_events_swapped_are_found_as_reordered()
    {
        var (_, first, _) = await audit.ImportCertificate();
        var (_, second, _) = await audit.ImportCertificate();
        await Chained(second);
        var swap = $"update {Events} e set data = o.data from {Events} o " +
                   $"where (e.seq_id, o.seq_id) in (({first}, {second}), ({second}, {first}))";

        await Execute(swap);
        try
        {
            var failure = (await audit.Verify())["failure"]!;

            Assert.Equal("Reordered", failure.Value<string>("kind"));
            Assert.Equal(first, failure.Value<long>("sequence"));
            Assert.Contains($"chained at sequence {second}", failure.Value<string>("detail"));
        }
        finally
        {
            await Execute(swap);
        }
        Assert.True((await audit.Verify()).Value<bool>("ok"));
    }

    [Fact]
    public async Task An_event_deleted_with_its_chain_record_still_breaks_the_chain()
    {
        var (_, sequence, _) = await audit.ImportCertificate();
        var (_, next, _) = await audit.ImportCertificate();
        await Chained(next);
        var schema = ServiceFixture.Schema;
        await Execute($"create table {schema}.audit_test_event as select * from {Events} where seq_id = {sequence};" +
                      $"create table {schema}.audit_test_link as select * from {schema}.audit_chain where seq = {sequence}");

        await Execute($"delete from {Events} where seq_id = {sequence}; delete from {schema}.audit_chain where seq = {sequence}");
        try
        {
            var failure = (await audit.Verify())["failure"]!;

            Assert.Equal("Deleted", failure.Value<string>("kind"));
            Assert.InRange(failure.Value<long>("sequence"), sequence + 1, next);
        }
        finally
        {
            await Execute($"insert into {Events} select * from {schema}.audit_test_event; insert into {schema}.audit_chain select * from {schema}.audit_test_link;" +
                          $"drop table {schema}.audit_test_event; drop table {schema}.audit_test_link");
        }
        Assert.True((await audit.Verify()).Value<bool>("ok"));
    }

    [Fact]
    public async Task A_pinned_checkpoint_must_be_reached_with_the_same_hash()
    {
        var (_, sequence, _) = await audit.ImportCertificate();
        await Chained(sequence);
        var head = (await audit.Verify())["head"]!;
        var pinned = new { sequence = head.Value<long>("sequence"), hash = head.Value<string>("hash") };

        var kept = await audit.Verify(new { pinned = new[] { pinned } });
        var forged = await audit.Verify(new { pinned = new[] { pinned with { hash = new string('0', 64) } } });
        var beyond = await audit.Verify(new { pinned = new[] { pinned with { sequence = long.MaxValue } } });

        Assert.True(kept.Value<bool>("ok"), kept.ToJsonString());
        Assert.Equal(1, kept.Value<int>("pinsChecked"));
        Assert.Equal("PinMismatch", forged["failure"]!.Value<string>("kind"));
        Assert.Equal("Truncated", beyond["failure"]!.Value<string>("kind"));
    }

    [Fact]
    public async Task Checkpoints_are_listed_newest_first_for_pinning()
    {
        await audit.PastACheckpoint();

        var checkpoints = await audit.Auditor.List($"{Route}/checkpoints?limit=3");

        Assert.NotEmpty(checkpoints);
        var positions = checkpoints.Select(c => c!.Value<long>("position")).ToList();
        Assert.Equal(positions.OrderDescending(), positions);
        Assert.All(checkpoints, c => Assert.Matches("^[0-9a-f]{64}$", c!.Value<string>("hash")));
    }
}
