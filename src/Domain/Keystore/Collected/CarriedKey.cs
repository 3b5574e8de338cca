using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Keystore.Collected;

/// <summary>A public key a message carried, as read from it: a fact about the message, never a trust.</summary>
public sealed record CarriedKey(MailSecuritySystem System, string Source, CertificateFacts? Certificate, PgpKeyFacts? PgpKey)
{
    public const string CmsSigner = "cms-signer";
    public const string PgpKeysPart = "pgp-keys";
    public const string Autocrypt = "autocrypt";

    public static CarriedKey Of(string source, CertificateFacts certificate) => new(MailSecuritySystem.SMIME, source, certificate, null);

    public static CarriedKey Of(string source, PgpKeyFacts key) => new(MailSecuritySystem.PGP, source, null, key);

    /// <summary>The certificate of an S/MIME signature that verified over the content, whether or not it is trusted: the
    /// sender showed they hold its private key. A signature that does not verify proves nothing, so its certificate is not kept.</summary>
    public static CarriedKey? SignedWith(Inbound.SignatureFacts signature) =>
        signature is { Certificate: { } certificate, Code: null or Inbound.SecurityCode.UnknownSigner } ? Of(CmsSigner, certificate) : null;

    public string Fingerprint => Certificate?.Fingerprint ?? PgpKey!.Fingerprint;

    public IReadOnlyList<string> Emails => Certificate?.Emails ?? PgpKey!.Emails;

    /// <summary>Who the key says it is, for the words users see.</summary>
    public string Description => Certificate is { } c
        ? $"{c.Subject} <{string.Join(", ", c.Emails)}>, fingerprint {c.Fingerprint}"
        : $"{string.Join(", ", PgpKey!.UserIds)}, fingerprint {PgpKey.Fingerprint}";
}
