using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Pgp;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>A certificate or PGP key held for an address, as the keystore sees it at the moment of asking.</summary>
/// <param name="Weakness">What the key policy finds too weak in it (<see cref="KeyWeakness.Description"/>); such a key is
/// usable for nothing.</param>
/// <param name="EncryptionUnsupported">An EC certificate: usable otherwise, but not encrypted to
/// (<see cref="ComposeMessages.EcUnsupported"/>).</param>
/// <param name="DomainAlias">The key is not the address's own but stands for its domain; such a key is only encrypted
/// to, never signed with (<see cref="KeysByAddress"/>).</param>
public sealed record KeyCandidate(
    MailSecuritySystem System,
    EmailAddress Email,
    string Fingerprint,
    DateTimeOffset? ExpiresAt,
    bool Expired,
    bool HasPrivateKey,
    bool UsableForSigning,
    bool UsableForEncryption,
    string? Weakness = null,
    bool EncryptionUnsupported = false,
    string? DomainAlias = null)
{
    /// <summary>What the composer needs of the key once it is chosen; absent where only the decision is asked.</summary>
    public KeyMaterial? Material { get; init; }

    /// <summary>Several keys for one address: the usable one that lasts longest; an expired sibling never blocks.</summary>
    public static KeyCandidate? Best(IEnumerable<KeyCandidate> candidates, Func<KeyCandidate, bool> usable) =>
        candidates.Where(usable).OrderByDescending(c => c.ExpiresAt ?? DateTimeOffset.MaxValue).FirstOrDefault();

    public static KeyCandidate Of(CertificateFacts certificate, EmailAddress address, bool hasPrivateKey, bool revoked, DateTimeOffset now)
    {
        var canEncrypt = CertificateUsability.CanEncrypt(certificate, revoked, now);
        var ec = canEncrypt && certificate.KeyAlgorithm == "EC";
        return new(MailSecuritySystem.SMIME, address, certificate.Fingerprint, certificate.NotAfter, CertificateUsability.IsExpired(certificate, now),
            hasPrivateKey, CertificateUsability.CanSign(certificate, hasPrivateKey, revoked, now), canEncrypt && !ec,
            KeyPolicy.Of(certificate)?.Description, ec);
    }

    public static KeyCandidate Of(PgpKeyFacts key, EmailAddress address, bool hasPrivateKey, DateTimeOffset now) =>
        new(MailSecuritySystem.PGP, address, key.Fingerprint, key.ExpiresAt, PgpKeyUsability.IsExpired(key, now), hasPrivateKey,
            PgpKeyUsability.CanSign(key, hasPrivateKey, now), PgpKeyUsability.CanEncrypt(key, now), KeyPolicy.Of(key, now)?.Description);

    /// <summary>A PGP key aliased to the address's domain, as a candidate for that address. Its secret part, if held, is
    /// not offered: a signature by a key whose user IDs do not name the sender fails the reader's From check.</summary>
    public static KeyCandidate Aliased(PgpKeyFacts key, EmailAddress address, string domain, DateTimeOffset now) =>
        Of(key, address, hasPrivateKey: false, now) with { DomainAlias = domain };
}

/// <summary>The public half of a key as the keystore holds it (base64), and who it names.</summary>
/// <param name="Holder">Certificate subject or the first PGP user ID: the signer's name recorded.</param>
/// <param name="Chain">S/MIME: the issuing trust anchors held in the keystore (DER, base64), sent with a signature.</param>
/// <param name="VaultId">Where the private part is sealed, when there is one.</param>
public sealed record KeyMaterial(string Holder, string PublicKey, IReadOnlyList<string> Chain, Guid VaultId);
