using Org.BouncyCastle.Asn1.Pkcs;
using Org.BouncyCastle.Asn1.X9;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using SecureMail.Application.Keystore;

namespace SecureMail.Infrastructure.Keystore.Smime;

/// <summary>PEM private keys: PKCS#8 "PRIVATE KEY" and "ENCRYPTED PRIVATE KEY", and the traditional
/// "RSA PRIVATE KEY" / "EC PRIVATE KEY", including OpenSSL's Proc-Type: 4,ENCRYPTED form.</summary>
internal static class PemPrivateKeyReader
{
    public static AsymmetricKeyParameter Read(byte[] data, string? password)
    {
        var blocks = PemBlocks.Find(data);
        var block = blocks.FirstOrDefault(b => b.Label.EndsWith("PRIVATE KEY", StringComparison.Ordinal))
            ?? throw Rejection.Unreadable(blocks.Count == 0
                ? "The PEM data holds no complete block."
                : $"Expected a PRIVATE KEY PEM block but found {string.Join(", ", blocks.Select(b => b.Label).Distinct())}.");
        return block.Label switch
        {
            "PRIVATE KEY" => FromPkcs8(Rejection.Guard(
                () => PrivateKeyInfo.GetInstance(PemBlocks.Content(block)), "The PRIVATE KEY PEM block is not a readable PKCS#8 key.")),
            "ENCRYPTED PRIVATE KEY" => Decrypt(block, RequirePassword(password)),
            "RSA PRIVATE KEY" or "EC PRIVATE KEY" => Traditional(block, password),
            _ => throw Rejection.Unsupported($"{block.Label} keys are not supported; use an RSA or EC key."),
        };
    }

    private static AsymmetricKeyParameter FromPkcs8(PrivateKeyInfo info)
    {
        var algorithm = info.PrivateKeyAlgorithm.Algorithm;
        if (!algorithm.Equals(PkcsObjectIdentifiers.RsaEncryption) && !algorithm.Equals(X9ObjectIdentifiers.IdECPublicKey))
            throw Rejection.Unsupported($"{KeyAlgorithms.Name(algorithm)} keys are not supported; use an RSA or EC key.");
        return Rejection.Guard(() => PrivateKeyFactory.CreateKey(info), "The private key's contents cannot be read.");
    }

    private static AsymmetricKeyParameter Decrypt(PemBlock block, char[] password)
    {
        var encrypted = Rejection.Guard(
            () => EncryptedPrivateKeyInfo.GetInstance(PemBlocks.Content(block)), "The ENCRYPTED PRIVATE KEY PEM block is not readable.");
        var iterations = Rejection.Guard(
            () => PasswordWork.IterationsOf(encrypted.EncryptionAlgorithm), "The ENCRYPTED PRIVATE KEY's parameters are not readable.");
        PasswordWork.EnsureAffordable("this encrypted private key", [new("private key", iterations)],
            "OpenSSL writes 2,048 by default (openssl pkcs8 -topk8 -iter).");
        PrivateKeyInfo info;
        try
        {
            info = PrivateKeyInfoFactory.CreatePrivateKeyInfo(password, encrypted);
        }
        catch (Exception)
        {
            throw WrongPassword();
        }
        return FromPkcs8(info);
    }

    private static AsymmetricKeyParameter Traditional(PemBlock block, string? password)
    {
        var encrypted = block.Text.Contains("Proc-Type: 4,ENCRYPTED", StringComparison.Ordinal);
        var finder = encrypted ? new PasswordFinder(RequirePassword(password)) : null;
        try
        {
            var read = new PemReader(new StringReader(block.Text), finder).ReadObject();
            return read is AsymmetricCipherKeyPair pair ? pair.Private : throw new InvalidDataException();
        }
        catch (Exception) when (encrypted)
        {
            throw WrongPassword();
        }
        catch (Exception)
        {
            throw Rejection.Unreadable($"The {block.Label} PEM block is not readable.");
        }
    }

    private static char[] RequirePassword(string? password) =>
        string.IsNullOrEmpty(password)
            ? throw new KeyMaterialRejected(KeyMaterialProblem.PasswordRequired, "The private key is encrypted; give its passphrase.")
            : password.ToCharArray();

    private static KeyMaterialRejected WrongPassword() =>
        new(KeyMaterialProblem.WrongPassword, "The passphrase does not open this private key.");

    private sealed class PasswordFinder(char[] password) : IPasswordFinder
    {
        public char[] GetPassword() => (char[])password.Clone();
    }
}
