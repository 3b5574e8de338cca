using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>Every sentence an agent reads while composing, in the words of docs/messages.md#compose, written once here.
/// For PGP "PGP key" and "PGP keys" stand where S/MIME says "certificate" and "certificates".</summary>
public static class ComposeMessages
{
    public static string Name(MailSecuritySystem system) => system == MailSecuritySystem.SMIME ? "S/MIME" : "PGP";

    public static string Found(MailSecuritySystem system, IReadOnlyList<string> addresses) => addresses.Count == 1
        ? $"The {One(system)} for {addresses[0]} was found."
        : $"The {Many(system)} for {string.Join(", ", addresses)} were found.";

    public static string NotFound(MailSecuritySystem system, string address) => $"The {One(system)} for {address} was not found.";

    public static string Expired(MailSecuritySystem system, string address) => $"The {One(system)} for {address} was found, but has expired.";

    public static string SomeExpired(MailSecuritySystem system, IReadOnlyList<string> addresses) =>
        $"There were {Many(system)} found for {string.Join(", ", addresses)}, but at least one of them has expired.";

    public static string TooWeak(MailSecuritySystem system, string address, string weakness, SecurityOperation operation) =>
        $"The {One(system)} for {address} has {weakness}, too weak to {(operation == SecurityOperation.Sign ? "sign with" : "encrypt to")}.";

    public const string NoRecipient = "There was no recipient found.";

    // BouncyCastle 2.7 writes ECC-CMS-SharedInfo that OpenSSL cannot read (ADR 8): an EC recipient would get mail no
    // other client decrypts.
    public static string EcUnsupported(string address) =>
        $"The certificate for {address} has an EC key, which cannot be used for S/MIME encryption yet; import an RSA certificate for {address}.";

    public static string Disabled(MailSecuritySystem system) =>
        $"{Name(system)} is turned off; an admin can turn it on in the secure-mailing settings.";

    public static string Cannot(SecurityOperation operation, MailSecuritySystem system, string why) =>
        $"Cannot {(operation == SecurityOperation.Sign ? "sign" : "encrypt")} with {Name(system)}: {why}";

    public static string PrivateKeyGone(MailSecuritySystem system, string address) => system == MailSecuritySystem.SMIME
        ? $"The private key of the certificate for {address} is no longer in the vault."
        : $"The secret PGP key for {address} is no longer in the vault.";

    public static string NoGroup(string name) => $"There is no group named \"{name}\".";

    public const string GroupMissing = "Name a group (or a ticket for a reply).";

    public static string NoTicket(Guid id) => $"There is no ticket {id}.";

    public static string Stale(long seen) => $"The ticket has an article newer than version {seen}; reload it and write the reply again.";

    public const string SubjectMissing = "A new ticket needs a subject.";

    public static string PublicKeyMissing(string address) =>
        $"The PGP key for {address} was not found, so there is no public key to attach; an admin can import the group's PGP key with its secret part.";

    public static string KeyFailed(KeyFailure failure)
    {
        var (operation, system, problem, fingerprint, email) = failure;
        var sign = operation == SecurityOperation.Sign;
        if (system == MailSecuritySystem.SMIME)
        {
            var name = sign ? $"The signing certificate {fingerprint}" : $"The certificate {fingerprint} of {email}";
            return (problem, sign) switch
            {
                (KeyProblem.Unreadable, true) => $"{name}, its chain or its private key could not be read.",
                (KeyProblem.NotTheCertificatesKey, _) => $"The private key does not belong to the signing certificate {fingerprint}.",
                (KeyProblem.NotValidNow, _) => $"{name} is expired or not yet valid.",
                (KeyProblem.UsageForbids, true) => $"The key usage of the certificate {fingerprint} does not allow signing.",
                (KeyProblem.UsageForbids, false) => $"The key usage of the certificate {fingerprint} of {email} does not allow encryption.",
                (KeyProblem.UnsupportedKey, true) => $"The certificate {fingerprint} cannot sign S/MIME messages.",
                (KeyProblem.UnsupportedKey, false) => $"{name} has a key that cannot encrypt; an RSA certificate is needed.",
                (KeyProblem.OperationFailed, true) => $"Signing with the certificate {fingerprint} failed.",
                (KeyProblem.OperationFailed, false) => "Encrypting to the recipients' certificates failed.",
                _ => $"{name} could not be read.",
            };
        }
        var key = sign ? $"The PGP key {fingerprint}" : $"The PGP key {fingerprint} of {email}";
        return (problem, sign) switch
        {
            (KeyProblem.Unreadable, true) => $"The PGP secret key {fingerprint} could not be read.",
            (KeyProblem.NoSecretPart, _) => $"The PGP key {fingerprint} holds no secret part for its signing key.",
            (KeyProblem.Locked, _) => $"The secret signing key of {fingerprint} cannot be opened: it is damaged or still protected by a passphrase.",
            (KeyProblem.Revoked, _) => $"{key} is revoked.",
            (KeyProblem.NoSelfSignature, _) => $"{key} has no valid self-signature.",
            (KeyProblem.Expired, _) => $"{key} has expired.",
            (KeyProblem.NoUsableKey, true) => $"{key} has no usable signing key (none that is valid, not revoked, not expired and flagged for signing).",
            (KeyProblem.NoUsableKey, false) => $"{key} has no usable encryption subkey (none that is valid, not revoked, not expired and flagged for encryption).",
            (KeyProblem.OperationFailed, true) => $"Signing with the PGP key {fingerprint} failed.",
            (KeyProblem.OperationFailed, false) => "Encrypting to the recipients' PGP keys failed.",
            _ => $"{key} could not be read.",
        };
    }

    public static Rejection Refusal(RejectionKind kind, ComposeCode code, string message, IReadOnlyList<string>? addresses = null) =>
        new(kind, message) { Code = code, Addresses = addresses ?? [] };

    private static string One(MailSecuritySystem system) => system == MailSecuritySystem.SMIME ? "certificate" : "PGP key";

    private static string Many(MailSecuritySystem system) => system == MailSecuritySystem.SMIME ? "certificates" : "PGP keys";
}

public enum SecurityOperation
{
    Sign,
    Encrypt,
}
