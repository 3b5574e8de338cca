using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>What went wrong with a key when the composer used it.</summary>
public enum KeyProblem
{
    /// <summary>The certificate, chain, key ring or private key could not be parsed.</summary>
    Unreadable,
    /// <summary>S/MIME: the private key is not the signing certificate's.</summary>
    NotTheCertificatesKey,
    /// <summary>S/MIME: outside the certificate's validity period.</summary>
    NotValidNow,
    /// <summary>S/MIME: the certificate's key usage forbids the operation.</summary>
    UsageForbids,
    /// <summary>S/MIME: a key type the operation cannot use (only RSA is encrypted to).</summary>
    UnsupportedKey,
    /// <summary>PGP: the key is revoked.</summary>
    Revoked,
    /// <summary>PGP: no valid self-signature.</summary>
    NoSelfSignature,
    /// <summary>PGP: the key has expired.</summary>
    Expired,
    /// <summary>PGP: no (sub)key valid, unrevoked, unexpired and flagged for the operation.</summary>
    NoUsableKey,
    /// <summary>PGP: the secret key ring holds no secret for the signing key.</summary>
    NoSecretPart,
    /// <summary>The secret key is damaged or still protected by a passphrase.</summary>
    Locked,
    /// <summary>The library refused the operation with keys that looked usable.</summary>
    OperationFailed,
}

/// <summary>A key could not be used for an operation; <see cref="Message"/> is the sentence the agent reads.</summary>
/// <param name="Fingerprint">The key concerned; null when the failure concerns all recipients together.</param>
/// <param name="Email">The recipient whose key it is (encryption).</param>
public sealed record KeyFailure(SecurityOperation Operation, MailSecuritySystem System, KeyProblem Problem, string? Fingerprint = null, string? Email = null)
{
    public string Message => ComposeMessages.KeyFailed(this);
}
