using System.Security.Cryptography;
using Org.BouncyCastle.Asn1;
using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Asn1.Nist;
using Org.BouncyCastle.Asn1.Oiw;
using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X509;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Keys;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Recovers a content key sent by key transport (RFC 5652 §6.2.1) with .NET's RSA, whose arithmetic is
/// OpenSSL's: PKCS#1 v1.5 (RFC 3370 §4.2.1) and RSAES-OAEP (RFC 3560) with the same hash for OAEP and MGF1 and an
/// empty label, which is what OpenSSL writes for <c>-keyopt rsa_padding_mode:oaep</c>.</summary>
internal static class KeyTransport
{
    private static readonly Dictionary<DerObjectIdentifier, RSAEncryptionPadding> Oaep = new()
    {
        [OiwObjectIdentifiers.IdSha1] = RSAEncryptionPadding.OaepSHA1,
        [NistObjectIdentifiers.IdSha256] = RSAEncryptionPadding.OaepSHA256,
        [NistObjectIdentifiers.IdSha384] = RSAEncryptionPadding.OaepSHA384,
        [NistObjectIdentifiers.IdSha512] = RSAEncryptionPadding.OaepSHA512,
    };

    public static byte[] Unwrap(KeyTransRecipientInfo recipient, byte[] pkcs8)
    {
        var padding = Padding(recipient.KeyEncryptionAlgorithm);
        if (ParsedKeys.SystemPrivateKey(pkcs8) is not RSA rsa)
            throw Unsupported("The content key was encrypted with RSA, but our matching private key is not an RSA key.");
        lock (rsa)
            return rsa.Decrypt(recipient.EncryptedKey.GetOctets(), padding);
    }

    private static RSAEncryptionPadding Padding(AlgorithmIdentifier algorithm)
    {
        if (PkcsObjectIdentifiers.RsaEncryption.Equals(algorithm.Algorithm))
            return RSAEncryptionPadding.Pkcs1;
        if (!PkcsObjectIdentifiers.IdRsaesOaep.Equals(algorithm.Algorithm))
            throw Unsupported($"The content key is encrypted with {algorithm.Algorithm}, which is not supported.");

        var oaep = algorithm.Parameters is null or Asn1Null
            ? new RsaesOaepParameters()
            : RsaesOaepParameters.GetInstance(algorithm.Parameters);
        var hash = oaep.HashAlgorithm.Algorithm;
        var maskHash = PkcsObjectIdentifiers.IdMgf1.Equals(oaep.MaskGenAlgorithm.Algorithm)
            ? AlgorithmIdentifier.GetInstance(oaep.MaskGenAlgorithm.Parameters).Algorithm
            : null;
        var label = PkcsObjectIdentifiers.IdPSpecified.Equals(oaep.PSourceAlgorithm.Algorithm)
            ? Asn1OctetString.GetInstance(oaep.PSourceAlgorithm.Parameters).GetOctets()
            : null;
        if (!hash.Equals(maskHash) || label is not { Length: 0 } || !Oaep.TryGetValue(hash, out var padding))
            throw Unsupported("The content key is encrypted with RSA-OAEP parameters that are not supported "
                + "(a hash other than SHA-1 or SHA-2, a different mask hash, or a label).");
        return padding;
    }

    private static EnvelopeRefusal Unsupported(string reason) => new(SecurityCode.Unsupported, reason);
}
