using System.Security.Cryptography;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace SecureMail.Infrastructure.Keys;

/// <summary>Certificates and private keys parsed once per distinct bytes. BouncyCastle runs Miller-Rabin rounds on an
/// RSA modulus every time it builds a key object (about 13 ms for RSA-2048), and a certificate keeps the public
/// key it built: a cached certificate checks its key once, not once per message. Nothing is skipped, only not
/// repeated (ADR 16).</summary>
internal static class ParsedKeys
{
    private static readonly ParsedCache<X509Certificate> Certificates = new(4096);
    private static readonly ParsedCache<AsymmetricKeyParameter> PrivateKeys = new(256);
    private static readonly ParsedCache<AsymmetricAlgorithm> SystemPrivateKeys = new(256);
    private static readonly ParsedCache<PgpPrivateKey> PgpPrivateKeys = new(256);

    public static X509Certificate Certificate(byte[] der) =>
        Certificates.GetOrParse(der, () => new X509CertificateParser().ReadCertificate(der) ?? throw new FormatException("No certificate."));

    /// <summary>The cached instance of a certificate parsed elsewhere (one a message carried), so its key is checked once.</summary>
    public static X509Certificate Certificate(X509Certificate parsed) => Certificates.GetOrParse(parsed.GetEncoded(), () => parsed);

    public static AsymmetricKeyParameter PrivateKey(byte[] pkcs8) => PrivateKeys.GetOrParse(pkcs8, () => PrivateKeyFactory.CreateKey(pkcs8));

    /// <summary>An unprotected OpenPGP secret (sub)key opened (the vault holds them without S2K, ADR 5).</summary>
    public static PgpPrivateKey PgpPrivateKey(PgpSecretKey secret) =>
        PgpPrivateKeys.GetOrParse(secret.GetEncoded(), () => secret.ExtractPrivateKey([]) ?? throw new PgpException("No private key."));

    /// <summary>The same key for .NET's System.Security.Cryptography, which calls OpenSSL on Linux: an RSA-2048
    /// private-key operation in about 0.3 ms where BouncyCastle takes 4-6 ms. Callers lock it while using it.</summary>
    public static AsymmetricAlgorithm SystemPrivateKey(byte[] pkcs8) => SystemPrivateKeys.GetOrParse(pkcs8, () =>
    {
        var algorithm = PrivateKeyInfo.GetInstance(pkcs8).PrivateKeyAlgorithm.Algorithm;
        AsymmetricAlgorithm key = PkcsObjectIdentifiers.RsaEncryption.Equals(algorithm) ? RSA.Create() : ECDsa.Create();
        key.ImportPkcs8PrivateKey(pkcs8, out _);
        return key;
    });
}
