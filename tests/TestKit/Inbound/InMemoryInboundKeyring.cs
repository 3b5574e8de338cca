using SecureMail.Application.Inbound;
using SecureMail.Domain.Keystore;

namespace SecureMail.TestKit.Inbound;

/// <summary>An <see cref="IInboundKeyring"/> over lists, answering the way the keystore does: certificates by
/// fingerprint, trust anchors by subject, PGP keys by primary or subkey id. Records what was asked, so a test can
/// show that nothing the message carried was looked up as trusted.</summary>
public sealed class InMemoryInboundKeyring : IInboundKeyring
{
    public List<SmimeDecryptionKey> SmimeKeys { get; } = [];
    public List<PgpDecryptionKey> PgpSecretKeys { get; } = [];
    public List<CertificateFacts> Certificates { get; } = [];
    /// <summary>Imported as trust anchors: they vouch for what they issue, and (as imported certificates) for their own signatures.</summary>
    public List<CertificateFacts> TrustAnchors { get; } = [];
    public List<PgpPublicKey> PgpKeys { get; } = [];
    public List<string> Asked { get; } = [];

    public Task<IReadOnlyList<SmimeDecryptionKey>> SmimeDecryptionKeysAsync(CancellationToken cancellation) =>
        Answer<IReadOnlyList<SmimeDecryptionKey>>("smime-keys", SmimeKeys.ToList());

    public Task<IReadOnlyList<PgpDecryptionKey>> PgpDecryptionKeysAsync(CancellationToken cancellation) =>
        Answer<IReadOnlyList<PgpDecryptionKey>>("pgp-keys", PgpSecretKeys.ToList());

    public Task<CertificateFacts?> CertificateAsync(string fingerprint, CancellationToken cancellation) =>
        Answer($"certificate {fingerprint}", Certificates.Concat(TrustAnchors).FirstOrDefault(c => c.Fingerprint == fingerprint));

    public Task<CertificateFacts?> CertificateAsync(string issuer, string serialNumber, CancellationToken cancellation)
    {
        Asked.Add($"certificate {issuer} {serialNumber}");
        return Task.FromResult(Certificates.Concat(TrustAnchors).FirstOrDefault(c => c.Issuer == issuer && c.SerialNumber == serialNumber));
    }

    public Task<IReadOnlyList<CertificateFacts>> TrustAnchorsAsync(string subject, CancellationToken cancellation) =>
        Answer<IReadOnlyList<CertificateFacts>>($"trust anchors {subject}", TrustAnchors.Where(c => c.Subject == subject).ToList());

    public Task<PgpPublicKey?> PgpKeyAsync(string keyId, CancellationToken cancellation) =>
        Answer($"pgp-key {keyId}", PgpKeys.FirstOrDefault(k =>
            k.Facts.KeyId == keyId || k.Facts.Subkeys.Any(s => s.KeyId == keyId)));

    private Task<T> Answer<T>(string question, T answer)
    {
        lock (Asked)
            Asked.Add(question);
        return Task.FromResult(answer);
    }
}
