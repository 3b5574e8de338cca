using SecureMail.Application.Inbound;
using SecureMail.Domain.Keystore;

namespace SecureMail.TestKit.Inbound;

/// <summary>A keystore over lists, handing the reader what the Application would load: every private key for the first
/// step, and for the second only the public material the opening named (certificates by fingerprint or issuer and serial,
/// trust anchors by subject, PGP keys by primary or subkey id). A signer the reader forgets to name is not verified, so
/// the tests prove the naming too. Records what was asked, so a test can show that nothing was looked up.</summary>
public sealed class InMemoryInboundKeyring
{
    public List<SmimeDecryptionKey> SmimeKeys { get; } = [];
    public List<PgpDecryptionKey> PgpSecretKeys { get; } = [];
    public List<CertificateFacts> Certificates { get; } = [];
    /// <summary>Imported as trust anchors: they vouch for what they issue, and (as imported certificates) for their own signatures.</summary>
    public List<CertificateFacts> TrustAnchors { get; } = [];
    public List<PgpPublicKey> PgpKeys { get; } = [];
    public List<string> Asked { get; } = [];

    public DecryptionKeys DecryptionKeys() => new(SmimeKeys.ToList(), PgpSecretKeys.ToList());

    public VerificationKeys VerificationKeys(SignerIds signers)
    {
        Asked.AddRange(signers.CertificateFingerprints.Select(f => $"certificate {f}"));
        Asked.AddRange(signers.IssuersAndSerials.Select(s => $"certificate {s.Issuer} {s.SerialNumber}"));
        Asked.AddRange(signers.IssuerSubjects.Select(s => $"trust anchors {s}"));
        Asked.AddRange(signers.PgpKeyIds.Select(k => $"pgp-key {k}"));
        var imported = Certificates.Concat(TrustAnchors).ToList();
        return new VerificationKeys(
            imported.Where(c => signers.CertificateFingerprints.Contains(c.Fingerprint) || signers.IssuersAndSerials.Contains((c.Issuer, c.SerialNumber)))
                .Distinct().ToList(),
            TrustAnchors.Where(c => signers.IssuerSubjects.Contains(c.Subject)).ToList(),
            PgpKeys.Where(k => signers.PgpKeyIds.Any(id => k.Facts.KeyId == id || k.Facts.Subkeys.Any(s => s.KeyId == id))).ToList());
    }

    /// <summary>Both steps of the reader, keys loaded in between as the Application loads them.</summary>
    public InboundInspection Inspect(IInboundMessageReader reader, byte[] raw, CancellationToken cancellation = default)
    {
        var opening = reader.Open(raw, DecryptionKeys(), cancellation);
        return reader.Verify(opening, VerificationKeys(opening.Signers), cancellation);
    }
}
