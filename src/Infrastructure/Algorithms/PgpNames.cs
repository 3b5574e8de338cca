using Org.BouncyCastle.Bcpg;

namespace SecureMail.Infrastructure.Algorithms;

/// <summary>Names of the OpenPGP symmetric ciphers (RFC 4880 §9.2) and digests (§9.4), as the article facts, the
/// ArticleEncrypted event and the key facts show them.</summary>
internal static class PgpNames
{
    public static string Cipher(SymmetricKeyAlgorithmTag algorithm) => algorithm switch
    {
        SymmetricKeyAlgorithmTag.Aes128 => "AES-128",
        SymmetricKeyAlgorithmTag.Aes192 => "AES-192",
        SymmetricKeyAlgorithmTag.Aes256 => "AES-256",
        SymmetricKeyAlgorithmTag.TripleDes => "3DES",
        SymmetricKeyAlgorithmTag.Cast5 => "CAST5",
        SymmetricKeyAlgorithmTag.Idea => "IDEA",
        SymmetricKeyAlgorithmTag.Blowfish => "Blowfish",
        SymmetricKeyAlgorithmTag.Twofish => "Twofish",
        SymmetricKeyAlgorithmTag.Camellia128 => "Camellia-128",
        SymmetricKeyAlgorithmTag.Camellia192 => "Camellia-192",
        SymmetricKeyAlgorithmTag.Camellia256 => "Camellia-256",
        _ => algorithm.ToString(),
    };

    public static string Digest(HashAlgorithmTag algorithm) => algorithm switch
    {
        HashAlgorithmTag.MD5 => "MD5",
        HashAlgorithmTag.Sha1 => "SHA-1",
        HashAlgorithmTag.RipeMD160 => "RIPEMD-160",
        HashAlgorithmTag.Sha224 => "SHA-224",
        HashAlgorithmTag.Sha256 => "SHA-256",
        HashAlgorithmTag.Sha384 => "SHA-384",
        HashAlgorithmTag.Sha512 => "SHA-512",
        _ => algorithm.ToString(),
    };
}
