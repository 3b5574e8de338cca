using System.Security.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Org.BouncyCastle.X509;

namespace SecureMail.TestKit.Smime;

/// <summary>A certificate with its key pair, and the forms an admin would upload.</summary>
public sealed class TestCertificate(X509Certificate certificate, AsymmetricCipherKeyPair key)
{
    public X509Certificate Certificate { get; } = certificate;

    public AsymmetricCipherKeyPair Key { get; } = key;

    public byte[] Der => Certificate.GetEncoded();

    public string Pem => PemText.Write("CERTIFICATE", Der);

    public byte[] PemBytes => PemText.Bytes(Pem);

    /// <summary>SHA-256 of the DER, lowercase hex (the keystore's certificate fingerprint).</summary>
    public string Fingerprint => Convert.ToHexStringLower(SHA256.HashData(Der));

    /// <summary>SHA-256 of the SubjectPublicKeyInfo DER, lowercase hex.</summary>
    public string PublicKeyFingerprint =>
        Convert.ToHexStringLower(SHA256.HashData(Certificate.SubjectPublicKeyInfo.GetDerEncoded()));

    /// <summary>Uppercase hex of the serial's magnitude, as <c>openssl x509 -serial</c> prints it.</summary>
    public string SerialNumber => Convert.ToHexString(Certificate.SerialNumber.ToByteArrayUnsigned());

    public byte[] Pkcs8Der => PrivateKeyInfoFactory.CreatePrivateKeyInfo(Key.Private).GetDerEncoded();

    /// <summary>Unencrypted PKCS#8, "PRIVATE KEY".</summary>
    public string PrivateKeyPem => PemText.Write("PRIVATE KEY", Pkcs8Der);

    /// <summary>"ENCRYPTED PRIVATE KEY": PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC, as OpenSSL 3 writes it.</summary>
    public string EncryptedPrivateKeyPem(string passphrase)
    {
        using AsymmetricAlgorithm key = Key.Private is Org.BouncyCastle.Crypto.Parameters.ECPrivateKeyParameters ? ECDsa.Create() : RSA.Create();
        key.ImportPkcs8PrivateKey(Pkcs8Der, out _);
        return key.ExportEncryptedPkcs8PrivateKeyPem(
            passphrase.AsSpan(), new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 2048));
    }

    /// <summary>PKCS#12 with this key and certificate, then <paramref name="chain"/> (e.g. the issuing CA).
    /// BouncyCastle's defaults: 3DES-encrypted key, RC2-40 certificates, SHA-1 MAC.</summary>
    public byte[] ToPkcs12(string password, params TestCertificate[] chain)
    {
        var store = new Pkcs12StoreBuilder().Build();
        var entries = new[] { this }.Concat(chain).Select(c => new X509CertificateEntry(c.Certificate)).ToArray();
        store.SetKeyEntry("key", new AsymmetricKeyEntry(Key.Private), entries);
        using var output = new MemoryStream();
        store.Save(output, password.ToCharArray(), new SecureRandom());
        return output.ToArray();
    }

    /// <summary>A PEM bundle of several certificates, with some text between them as real bundles have.</summary>
    public static byte[] Bundle(params TestCertificate[] certificates) =>
        PemText.Bytes(string.Concat(certificates.Select(c => $"subject={c.Certificate.SubjectDN}\n{c.Pem}\n")));
}
