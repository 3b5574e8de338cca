using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class KeystoreTimeTravelTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");
    private readonly HttpClient auditor = service.Client("auditor");

    private static string At(DateTimeOffset moment) => Uri.EscapeDataString(moment.ToString("O"));

    [Fact]
    public async Task The_keystore_of_a_past_day_shows_what_was_held_and_whether_it_was_revoked_then()
    {
        var ca = TestCa.Create($"History CA {Guid.NewGuid():N}");
        var removed = TestCertificates.SelfSigned($"removed-{Guid.NewGuid():N}@example.com");
        var leaf = ca.Issue($"leaf-{Guid.NewGuid():N}@example.com");
        await (await admin.PostText(TrustAnchors, ca.Certificate.Pem)).Json(HttpStatusCode.Created);
        await (await admin.PostBytes(Certificates, TestCertificate.Bundle(leaf, removed))).Json(HttpStatusCode.Created);
        await Task.Delay(50);
        var before = DateTimeOffset.UtcNow;
        await Task.Delay(50);
        await admin.DeleteAsync($"{Certificates}/{removed.Fingerprint}");
        await (await admin.PostBytes(Crls, ca.Revoke(leaf).Der)).Json(HttpStatusCode.Created);

        var then = await auditor.List($"{Certificates}?asOf={At(before)}");
        var now = await auditor.List(Certificates);

        var leafThen = then.Single(e => (string)e!["fingerprint"]! == leaf.Fingerprint)!;
        Assert.False((bool)leafThen["revoked"]!);
        Assert.True((bool)leafThen["usableForEncryption"]!);
        Assert.Contains(then, e => (string)e!["fingerprint"]! == removed.Fingerprint);
        Assert.True((bool)now.Single(e => (string)e!["fingerprint"]! == leaf.Fingerprint)!["revoked"]!);
        Assert.DoesNotContain(now, e => (string)e!["fingerprint"]! == removed.Fingerprint);
    }
}
