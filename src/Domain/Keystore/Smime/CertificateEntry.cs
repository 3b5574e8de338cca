namespace SecureMail.Domain.Keystore.Smime;

/// <summary>One certificate's life in the keystore: imported, given a private key, removed (and maybe imported again).</summary>
public sealed record CertificateEntry(Guid Id, CertificateFacts Certificate, bool HasPrivateKey, bool Removed)
{
    /// <summary>Imported as a trust anchor (<see cref="CertificateImported.TrustAnchor"/>).</summary>
    public bool IsTrustAnchor { get; init; }

    public static CertificateEntry Create(CertificateImported e) => new(e.CertificateId, e.Certificate, false, false) { IsTrustAnchor = e.TrustAnchor };

    public CertificateEntry Apply(CertificateImported e) =>
        this with { Certificate = e.Certificate, HasPrivateKey = false, Removed = false, IsTrustAnchor = e.TrustAnchor };

    public CertificateEntry Apply(PrivateKeyImported e) => this with { HasPrivateKey = true };

    public CertificateEntry Apply(PrivateKeyRemoved e) => this with { HasPrivateKey = false };

    public CertificateEntry Apply(CertificateRemoved e) => this with { HasPrivateKey = false, Removed = true };

    public bool IsHeld => !Removed;
}
