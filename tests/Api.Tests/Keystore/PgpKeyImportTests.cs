using System.Net;
using SecureMail.Api.Tests.Support;
using SecureMail.TestKit.Pgp;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class PgpKeyImportTests(ServiceFixture service)
{
    private readonly HttpClient admin = service.Client("admin");

    private static PgpTestKey NewKey(string name, DateTimeOffset? expiresAt = null) =>
        PgpTestKeys.Create(name, $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@example.com", expiresAt: expiresAt);

    [Fact]
    public async Task An_armored_public_key_is_imported_with_its_facts()
    {
        var key = NewKey("Bob");

        var created = await admin.PostText(PgpKeys, key.PublicKeyArmored(), "application/pgp-keys");

        Assert.Equal("imported", (await created.Json(HttpStatusCode.Created))["items"]![0]!.Value<string>("status"));
        var entry = Assert.Single(await admin.List($"{PgpKeys}?email={key.Email.ToUpperInvariant()}"))!;
        Assert.Equal(key.Fingerprint, entry.Value<string>("fingerprint"));
        Assert.Equal(key.KeyId, entry.Value<string>("keyId"));
        Assert.Equal(key.UserId, entry["userIds"]![0]!.GetValue<string>());
        Assert.Contains("encryptCommunications", entry["subkeys"]![0]!["keyFlags"]!.AsArray().Select(f => f!.GetValue<string>()));
        Assert.False(entry.Value<bool>("hasPrivateKey"));
        Assert.True(entry.Value<bool>("usableForEncryption"));
        Assert.False(entry.Value<bool>("usableForSigning"));
    }

    [Fact]
    public async Task A_secret_key_with_its_passphrase_makes_the_key_usable_for_signing()
    {
        var key = NewKey("Carol");

        await (await admin.PostFile(PgpKeys, System.Text.Encoding.ASCII.GetBytes(key.SecretKeyArmored()), "passphrase", key.Passphrase))
            .Json(HttpStatusCode.Created);

        var entry = await (await admin.GetAsync($"{PgpKeys}/{key.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("hasPrivateKey"));
        Assert.True(entry.Value<bool>("usableForSigning"));
    }

    [Fact]
    public async Task A_secret_key_may_follow_its_public_key()
    {
        var key = NewKey("Dave");
        await (await admin.PostBytes(PgpKeys, key.PublicKeyBinary())).Json(HttpStatusCode.Created);

        var created = await admin.PostFile(PgpKeys, System.Text.Encoding.ASCII.GetBytes(key.SecretKeyArmored()), "passphrase", key.Passphrase);

        Assert.Equal("secretKeyImported", (await created.Json(HttpStatusCode.Created))["items"]![0]!.Value<string>("status"));
    }

    [Fact]
    public async Task A_wrong_or_missing_passphrase_is_refused_and_stores_nothing()
    {
        var key = NewKey("Erin");
        var secret = System.Text.Encoding.ASCII.GetBytes(key.SecretKeyArmored());

        await (await admin.PostFile(PgpKeys, secret, "passphrase", "wrong")).Problem(HttpStatusCode.UnprocessableEntity);
        await (await admin.PostFile(PgpKeys, secret, "passphrase", null)).Problem(HttpStatusCode.UnprocessableEntity);

        await (await admin.GetAsync($"{PgpKeys}/{key.Fingerprint}")).Problem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_duplicate_key_is_a_conflict()
    {
        var key = NewKey("Frank");
        await (await admin.PostText(PgpKeys, key.PublicKeyArmored())).Json(HttpStatusCode.Created);

        await (await admin.PostText(PgpKeys, key.PublicKeyArmored())).Problem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_public_key_is_served_armored_and_reads_back_to_the_same_key()
    {
        var key = NewKey("Grace");
        await (await admin.PostText(PgpKeys, key.PublicKeyArmored())).Json(HttpStatusCode.Created);

        var armored = await admin.GetStringAsync($"{PgpKeys}/{key.Fingerprint}/armored");

        Assert.StartsWith("-----BEGIN PGP PUBLIC KEY BLOCK-----", armored);
        var ring = new Org.BouncyCastle.Bcpg.OpenPgp.PgpPublicKeyRing(Org.BouncyCastle.Bcpg.OpenPgp.PgpUtilities.GetDecoderStream(
            new MemoryStream(System.Text.Encoding.ASCII.GetBytes(armored))));
        Assert.Equal(key.PublicKeyRing.GetEncoded(), ring.GetEncoded());
    }

    [Fact]
    public async Task An_expired_key_is_accepted_but_not_usable_and_removal_forgets_it()
    {
        var key = NewKey("Heidi", expiresAt: DateTimeOffset.UtcNow.AddDays(-1));
        await (await admin.PostText(PgpKeys, key.PublicKeyArmored())).Json(HttpStatusCode.Created);

        var entry = await (await admin.GetAsync($"{PgpKeys}/{key.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.True(entry.Value<bool>("expired"));
        Assert.False(entry.Value<bool>("usableForEncryption"));

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"{PgpKeys}/{key.Fingerprint}")).StatusCode);
        Assert.Empty(await admin.List($"{PgpKeys}?email={key.Email}"));
    }
}
