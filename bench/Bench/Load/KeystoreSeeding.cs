using System.Security.Cryptography;
using Marten;
using SecureMail.Application;
using SecureMail.Application.Keystore;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Keystore.Smime;
using JasperFx;
using Weasel.Core;

namespace SecureMail.Bench.Load;

/// <summary>Fills the service's keystore read model with other customers' certificates (each its own address), written
/// straight into the read model with Marten's bulk insert: importing 100k certificates over HTTP would take most of
/// the time budget, and the query under test reads only the read model.</summary>
public sealed class KeystoreSeeding(string connectionString, string schema, byte[] sampleCertificate) : IDisposable
{
    private readonly DocumentStore store = DocumentStore.For(o =>
    {
        o.Connection(connectionString);
        o.DatabaseSchemaName = schema;
        o.AutoCreateSchemaObjects = AutoCreate.None;
        StoreConfiguration.Apply(o);
    });

    private readonly CertificateFacts sample = new BouncyCastleSmimeKeyMaterialReader().ReadCertificates(sampleCertificate).Single();
    private int seeded;

    public async Task GrowToAsync(int entries, int alreadyHeld)
    {
        const int batch = 5000;
        while (seeded + alreadyHeld < entries)
        {
            var count = Math.Min(batch, entries - alreadyHeld - seeded);
            var documents = Enumerable.Range(seeded, count).Select(Entry).ToList();
            await store.BulkInsertAsync(documents, BulkInsertMode.InsertsOnly, batchSize: batch);
            seeded += count;
        }
        await using var session = store.LightweightSession();
        session.QueueSqlCommand($"analyze {schema}.mt_doc_keystoreentry");
        await session.SaveChangesAsync();
    }

    private KeystoreEntry Entry(int number)
    {
        var fingerprint = Convert.ToHexStringLower(SHA256.HashData(BitConverter.GetBytes(number)));
        var email = $"customer{number}@bench.example";
        return new KeystoreEntry
        {
            Id = KeystoreIds.ForCertificate(fingerprint),
            Kind = KeystoreEntryKind.SmimeCertificate,
            Fingerprint = fingerprint,
            Emails = [email],
            ExpiresAt = sample.NotAfter,
            Certificate = sample with { Fingerprint = fingerprint, Emails = [email], Subject = $"O=Bench, CN={email}" },
            ImportedBy = "bench",
            ImportedAt = DateTimeOffset.UtcNow,
        };
    }

    public void Dispose() => store.Dispose();
}
