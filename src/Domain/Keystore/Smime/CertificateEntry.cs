using SecureMail.Domain.Common;

namespace SecureMail.Domain.Keystore.Smime;

/// <summary>One certificate's life in the keystore: imported, given a private key, removed (and maybe imported again).</summary>
public sealed record CertificateEntry(Guid Id, CertificateFacts Certificate, bool HasPrivateKey, bool Removed) : IEvolving<CertificateEntry>
{
    /// <summary>Imported as a trust anchor (<see cref="CertificateImported.TrustAnchor"/>).</summary>
    public bool IsTrustAnchor { get; init; }

    // Named apart from Marten's Create/Apply conventions: the store folds an entry through Evolution alone (ADR 38).
    public static Evolution<CertificateEntry> Evolution { get; } = new Evolution<CertificateEntry>()
        .Fold<CertificateImported>((_, e) => Imported(e))
        .On<PrivateKeyImported>((entry, _) => entry with { HasPrivateKey = true })
        .On<PrivateKeyRemoved>((entry, _) => entry with { HasPrivateKey = false })
        .On<CertificateRemoved>((entry, _) => entry with { HasPrivateKey = false, Removed = true });

    /// <summary>Imported again after a removal, the certificate starts over: no private key, held.</summary>
    public static CertificateEntry Imported(CertificateImported e) => new(e.CertificateId, e.Certificate, false, false) { IsTrustAnchor = e.TrustAnchor };

    public CertificateEntry After(object e) => Evolution.Evolve(this, e, 0) ?? this;

    public bool IsHeld => !Removed;
}
