using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;

namespace SecureMail.Infrastructure.Keys;

/// <summary>A BouncyCastle signature factory whose private-key operation is done by .NET (OpenSSL): BouncyCastle still
/// builds the CMS structure, only the RSA/ECDSA arithmetic moves. SHA-256 with PKCS#1 v1.5 (RFC 8551 §2.2) or ECDSA.</summary>
internal sealed class SystemSignatureFactory(AsymmetricAlgorithm key) : ISignatureFactory
{
    public object AlgorithmDetails { get; } = key is RSA
        ? new AlgorithmIdentifier(PkcsObjectIdentifiers.Sha256WithRsaEncryption, DerNull.Instance)
        : new AlgorithmIdentifier(X9ObjectIdentifiers.ECDsaWithSha256);

    public IStreamCalculator<IBlockResult> CreateCalculator() => new Calculator(key);

    private sealed class Calculator(AsymmetricAlgorithm key) : IStreamCalculator<IBlockResult>
    {
        private readonly KeptOpen data = new();

        public Stream Stream => data;

        public IBlockResult GetResult()
        {
            var hash = SHA256.HashData(data.GetBuffer().AsSpan(0, (int)data.Length));
            lock (key)
                return new SimpleBlockResult(key switch
                {
                    RSA rsa => rsa.SignHash(hash, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                    ECDsa ec => ec.SignHash(hash, DSASignatureFormat.Rfc3279DerSequence),
                    _ => throw new CryptographicException($"Cannot sign with {key.GetType().Name}."),
                });
        }
    }

    // BouncyCastle closes the calculator's stream before it asks for the result.
    private sealed class KeptOpen : MemoryStream
    {
        protected override void Dispose(bool disposing)
        {
        }
    }
}
