using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using SecureMail.Api.Tests.Support;
using SecureMail.Domain.Keystore;
using SecureMail.TestKit.Polling;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Audit;

/// <summary>The audit endpoints and direct access to the shared test schema, for tampering as a database user would.</summary>
public sealed class AuditLog(ServiceFixture service)
{
    public const string Route = "/api/v1/audit";

    public HttpClient Admin { get; } = service.Client("admin");

    public HttpClient Auditor { get; } = service.Client("auditor");

    public static string Events => $"{ServiceFixture.Schema}.mt_events";

    /// <summary>Imports a new certificate and returns its stream id and the sequence of its import event.</summary>
    public async Task<(Guid StreamId, long Sequence, TestCertificate Certificate)> ImportCertificate()
    {
        var certificate = TestCertificates.SelfSigned($"audit-{Guid.NewGuid():N}@example.com");
        await (await Admin.PostText(Certificates, certificate.Pem)).Json(HttpStatusCode.Created);
        var streamId = KeystoreIds.ForCertificate(certificate.Fingerprint);
        var history = await (await Auditor.GetAsync($"{Route}/streams/{streamId}/events")).Json(HttpStatusCode.OK);
        return (streamId, history["events"]![0]!.Value<long>("sequence"), certificate);
    }

    /// <summary>Enough new events for at least one checkpoint (the fixture sets Audit:CheckpointEvery to 5), all chained.</summary>
    public async Task PastACheckpoint()
    {
        var last = 0L;
        for (var i = 0; i < 5; i++)
            last = (await ImportCertificate()).Sequence;
        await Chained(last);
    }

    public async Task<JsonNode> Verify(object? body = null)
    {
        var response = body is null ? await Auditor.PostAsync($"{Route}/verify", null) : await Auditor.PostAsJsonAsync($"{Route}/verify", body);
        return await response.Json(HttpStatusCode.OK);
    }

    /// <summary>The chain is written in the background: wait until it holds this sequence.</summary>
    public static Task Chained(long sequence) =>
        Eventually.Until(async () => await Database.Scalar<long>($"select count(*) from {ServiceFixture.Schema}.audit_chain where seq >= {sequence}") > 0,
            TimeSpan.FromSeconds(30), $"the hash chain to reach event {sequence}");
}
