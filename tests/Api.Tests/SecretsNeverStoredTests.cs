using System.Net;
using System.Text;
using Npgsql;
using SecureMail.Api.Tests.Support;
using SecureMail.Domain.Keystore;
using SecureMail.TestKit.Pgp;
using SecureMail.TestKit.Smime;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests;

/// <summary>After importing private keys, the whole database (events, read models, vault rows, Wolverine's
/// tables) holds neither the key bytes in any common encoding nor the password or passphrase.</summary>
[Collection(RunningService.Name)]
public class SecretsNeverStoredTests(ServiceFixture service)
{
    [Fact]
    public async Task Private_keys_passwords_and_passphrases_are_nowhere_in_the_database()
    {
        var admin = service.Client("admin");
        var password = $"p12-{Guid.NewGuid():N}";
        var passphrase = $"pgp-{Guid.NewGuid():N}";
        var certificate = TestCertificates.SelfSigned(CertificateOptions.For($"secret-{Guid.NewGuid():N}@example.com") with { Key = TestKeys.Generate() });
        var pgp = PgpTestKeys.Create("Secret", $"secret-{Guid.NewGuid():N}@example.com", passphrase);
        await (await admin.PostFile(PrivateKeys, certificate.ToPkcs12(password), "password", password)).Json(HttpStatusCode.Created);
        await (await admin.PostFile(PgpKeys, Encoding.ASCII.GetBytes(pgp.SecretKeyArmored()), "passphrase", passphrase)).Json(HttpStatusCode.Created);

        var sealedKey = await Vault.Open(service, KeystoreIds.ForCertificate(certificate.Fingerprint));
        Assert.Equal(certificate.Pkcs8Der, sealedKey);
        Assert.NotNull(await Vault.Open(service, KeystoreIds.ForPgpKey(pgp.Fingerprint)));

        var rsaPrivateExponent = ((Org.BouncyCastle.Crypto.Parameters.RsaPrivateCrtKeyParameters)certificate.Key.Private).Exponent.ToByteArrayUnsigned();
        var pgpSecretExponents = new[] { pgp.PrivateSigningKey(), pgp.PrivateEncryptionKey() }
            .Select(k => ((Org.BouncyCastle.Crypto.Parameters.RsaPrivateCrtKeyParameters)k.Key).Exponent.ToByteArrayUnsigned());
        var needles = new[] { password, passphrase }
            .Concat(Encodings(certificate.Pkcs8Der[^64..]))
            .Concat(Encodings(rsaPrivateExponent[..48]))
            .Concat(pgpSecretExponents.SelectMany(e => Encodings(e[..48])))
            .ToList();

        var database = await DumpSchema();

        Assert.Contains(certificate.Fingerprint, database);
        foreach (var needle in needles)
            Assert.DoesNotContain(needle, database, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> Encodings(byte[] bytes) =>
        [Convert.ToHexString(bytes), Convert.ToBase64String(bytes)[..40], Convert.ToBase64String(bytes[1..])[..40], Convert.ToBase64String(bytes[2..])[..40]];

    /// <summary>Every row of every table in the service's schema, as text.</summary>
    private static async Task<string> DumpSchema()
    {
        await using var connection = new NpgsqlConnection(ServiceFixture.ConnectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("select table_name from information_schema.tables where table_schema = @schema and table_type = 'BASE TABLE'", connection))
        {
            list.Parameters.AddWithValue("schema", ServiceFixture.Schema);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }
        Assert.Contains("mt_events", tables);
        var dump = new StringBuilder();
        foreach (var table in tables)
        {
            await using var select = new NpgsqlCommand($"select t::text from {ServiceFixture.Schema}.\"{table}\" t", connection);
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                dump.AppendLine(reader.GetString(0));
        }
        return dump.ToString();
    }
}
