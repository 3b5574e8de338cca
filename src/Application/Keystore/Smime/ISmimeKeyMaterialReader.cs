using SecureMail.Domain.Keystore;

namespace SecureMail.Application.Keystore.Smime;

/// <summary>Parses S/MIME key material. Implemented over BouncyCastle in Infrastructure.
/// Every method throws <see cref="KeyMaterialRejected"/> for input it cannot take, never anything else.</summary>
public interface ISmimeKeyMaterialReader
{
    /// <summary>One or more X.509 certificates: PEM (one or several CERTIFICATE blocks) or DER.
    /// Does not apply keystore rules; see <see cref="CertificateRules"/>.</summary>
    IReadOnlyList<CertificateFacts> ReadCertificates(byte[] data);

    /// <summary>A private key: PKCS#12 (modern AES/PBKDF2 or legacy RC2/3DES, as openssl writes them) with
    /// its password, or PEM PKCS#8 ("PRIVATE KEY", "ENCRYPTED PRIVATE KEY"), or traditional "RSA/EC PRIVATE KEY" PEM.
    /// Iteration counts that would cost more than an import may do are refused before any key is derived (TooCostly).</summary>
    /// <param name="cancellation">Checked between the derivations of a PKCS#12 file.</param>
    PrivateKeyMaterial ReadPrivateKey(byte[] data, string? password, CancellationToken cancellation = default);

    /// <summary>An X.509 CRL, PEM or DER.</summary>
    CrlFacts ReadCrl(byte[] data);

    /// <summary>True when the CRL's signature verifies with the public key of the certificate (DER).</summary>
    bool IsCrlSignedBy(CrlFacts crl, CertificateFacts issuer);
}

/// <summary>A private key opened at import.</summary>
/// <param name="PublicKeyFingerprint">Same rendering as <see cref="CertificateFacts.PublicKeyFingerprint"/>.</param>
/// <param name="Pkcs8">Unencrypted PKCS#8 PrivateKeyInfo DER: goes to the vault only, never anywhere else.</param>
/// <param name="Certificates">Certificates a PKCS#12 brought along (the key's own first when present), else empty.</param>
public sealed record PrivateKeyMaterial(
    string PublicKeyFingerprint,
    byte[] Pkcs8,
    IReadOnlyList<CertificateFacts> Certificates);
