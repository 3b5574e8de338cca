using SecureMail.Domain.Keystore;

namespace SecureMail.Application.Inbound;

/// <summary>Private keys for the addresses one message was sent to (To, Cc, Delivered-To), opened from the vault.</summary>
public sealed record DecryptionKeys(IReadOnlyList<SmimeDecryptionKey> Smime, IReadOnlyList<PgpDecryptionKey> Pgp)
{
    public static readonly DecryptionKeys None = new([], []);
}

/// <summary>Who signed, as the message names its signers, before anything is verified: what the keystore is asked for.</summary>
/// <param name="CertificateFingerprints">SHA-256 (lowercase hex) of the certificates the signatures carry for their signers.</param>
/// <param name="IssuersAndSerials">How a CMS SignerInfo names a signer whose certificate it does not carry (same renderings as
/// <see cref="CertificateFacts"/>).</param>
/// <param name="IssuerSubjects">Every issuer named on a signer's way up through the carried certificates: the trust
/// anchors that may end its chain.</param>
/// <param name="PgpKeyIds">Issuer key ids of OpenPGP signatures (16 uppercase hex).</param>
public sealed record SignerIds(
    IReadOnlyList<string> CertificateFingerprints,
    IReadOnlyList<(string Issuer, string SerialNumber)> IssuersAndSerials,
    IReadOnlyList<string> IssuerSubjects,
    IReadOnlyList<string> PgpKeyIds)
{
    public static readonly SignerIds None = new([], [], [], []);

    public bool Any => CertificateFingerprints.Count + IssuersAndSerials.Count + IssuerSubjects.Count + PgpKeyIds.Count > 0;
}

/// <summary>The public keystore material for the signers a message named. Nothing the message carries is ever added here
/// (docs/inbound-status.md#carried-keys-are-not-trusted).</summary>
/// <param name="Certificates">Imported certificates (trust anchors included): each trusted for its own signatures, whoever issued it.</param>
/// <param name="TrustAnchors">CA certificates an admin imported as such, never merely CA:TRUE ones.</param>
public sealed record VerificationKeys(IReadOnlyList<CertificateFacts> Certificates, IReadOnlyList<CertificateFacts> TrustAnchors,
    IReadOnlyList<PgpPublicKey> PgpKeys)
{
    public static readonly VerificationKeys None = new([], [], []);

    public CertificateFacts? Certificate(string fingerprint) => Certificates.FirstOrDefault(c => c.Fingerprint == fingerprint);

    public CertificateFacts? Certificate(string issuer, string serialNumber) =>
        Certificates.FirstOrDefault(c => c.Issuer == issuer && c.SerialNumber == serialNumber);

    public IReadOnlyList<CertificateFacts> AnchorsNamed(string subject) => TrustAnchors.Where(c => c.Subject == subject).ToList();

    /// <summary>The key holding a primary key or subkey with this id.</summary>
    public PgpPublicKey? PgpKey(string keyId) =>
        PgpKeys.FirstOrDefault(k => k.Facts.KeyId == keyId || k.Facts.Subkeys.Any(s => s.KeyId == keyId));
}
