namespace SecureMail.Domain.Tickets;

/// <summary>Why a security option is (not) possible or a compose is refused, as a client may act on it or translate it.
/// The API writes each in kebab case (<c>SignKeyExpired</c>: <c>sign-key-expired</c>); the names are a contract, so add
/// new ones and never rename.</summary>
public enum ComposeCode
{
    /// <summary>The group's address has a usable private key to sign with.</summary>
    SignKeyFound,
    /// <summary>No key with a private part is held for the group's address.</summary>
    SignKeyMissing,
    /// <summary>The group's only keys with a private part have expired.</summary>
    SignKeyExpired,
    /// <summary>The group's key is one the key policy calls too weak.</summary>
    SignKeyWeak,
    /// <summary>Every recipient has a usable key.</summary>
    RecipientKeysFound,
    /// <summary>Neither To nor Cc names anybody.</summary>
    NoRecipient,
    /// <summary>No key is held for these recipients.</summary>
    RecipientKeyMissing,
    /// <summary>The keys held for these recipients have expired.</summary>
    RecipientKeyExpired,
    /// <summary>The key of this recipient is one the key policy calls too weak.</summary>
    RecipientKeyWeak,
    /// <summary>The certificate of this recipient has an EC key, which S/MIME encryption does not use yet.</summary>
    RecipientKeyUnsupported,
    /// <summary>The system asked for is turned off.</summary>
    SecurityDisabled,
    /// <summary>The key chosen could not sign when used (damaged, gone from the vault, refused by the library).</summary>
    SignFailed,
    /// <summary>A recipient's key chosen could not encrypt when used.</summary>
    EncryptFailed,
    /// <summary>No group of that name.</summary>
    GroupUnknown,
    /// <summary>Neither a group nor a ticket names one.</summary>
    GroupMissing,
    /// <summary>No ticket with that id.</summary>
    TicketUnknown,
    /// <summary>The ticket has an article newer than the version the agent saw.</summary>
    TicketChanged,
    /// <summary>A new ticket needs a subject.</summary>
    SubjectMissing,
    /// <summary>The agent asked to attach the group's public PGP key, and the group has no usable one.</summary>
    PublicKeyMissing,
}
