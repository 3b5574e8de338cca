using System.Text;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Bench.Crypto;

/// <summary>RSA-2048 gpg keys (primary for signing, subkey for encryption, passphrase-protected as a helpdesk would
/// keep them) for the group and a customer, in a throwaway GNUPGHOME; and the same keys as our keystore holds them
/// after import (secret key re-protected without S2K, sealed in the vault).</summary>
public sealed class PgpIdentities : IDisposable
{
    public const string Passphrase = "bench passphrase";

    public PgpIdentities()
    {
        SupportFingerprint = NewKey($"Support <{SmimeIdentities.Group}>");
        AliceFingerprint = NewKey($"Alice <{SmimeIdentities.Customer}>");
        var reader = new BouncyCastlePgpKeyMaterialReader();
        var support = reader.ReadKeys(Encoding.ASCII.GetBytes(Gpg.ExportSecretArmored(SupportFingerprint, Passphrase)), Passphrase).Single();
        var alice = reader.ReadKeys(Gpg.ExportPublicBinary(AliceFingerprint), null).Single();
        SignAndEncrypt = new PgpProtection(
            new PgpSigner(support.Facts.Fingerprint, support.SecretKeyRing!),
            [
                new PgpRecipient(SmimeIdentities.Customer, alice.Facts.Fingerprint, Convert.FromBase64String(alice.Facts.PublicKey)),
                new PgpRecipient(SmimeIdentities.Group, support.Facts.Fingerprint, Convert.FromBase64String(support.Facts.PublicKey)),
            ]);
    }

    public Gpg Gpg { get; } = new();
    public string SupportFingerprint { get; }
    public string AliceFingerprint { get; }
    public PgpProtection SignAndEncrypt { get; }

    /// <summary>What a helpdesk shelling out to gpg runs for each message: one process, signed and encrypted together.</summary>
    public byte[] GpgSignAndEncrypt(byte[] message) => Gpg.Run(message,
        "--pinentry-mode", "loopback", "--passphrase", Passphrase, "--trust-model", "always", "--armor",
        "--local-user", SupportFingerprint, "--recipient", AliceFingerprint, "--recipient", SupportFingerprint, "--sign", "--encrypt");

    public void Dispose() => Gpg.Dispose();

    private string NewKey(string userId)
    {
        var fingerprint = Gpg.GenerateKey(userId, "rsa2048", "sign,cert", "never", Passphrase);
        Gpg.AddSubkey(fingerprint, "rsa2048", "encr", "never", Passphrase);
        return fingerprint;
    }
}
