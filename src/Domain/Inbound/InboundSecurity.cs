using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Inbound;

/// <summary>Where an incoming article's security process stands.</summary>
public enum SecurityProcessing
{
    /// <summary>Received or retried; no outcome recorded since.</summary>
    Pending,
    /// <summary>An outcome is recorded: decrypted or failed, valid or invalid, or no layer at the root.</summary>
    Processed,
    /// <summary>Given up without a verdict (time limit or attempts): not checked.</summary>
    Abandoned,
}

/// <summary>What the ticket remembers of an incoming article's security: enough to decide whether to process it and
/// whether a key that arrived could change its outcome.</summary>
/// <param name="FirstStatusAwaitedSince">When the article was accepted, while no outcome and no retry is recorded for it: the
/// time its first status is measured from. A status after a retry measures how long a key took to arrive, not the service.</param>
public sealed record InboundSecurity(SecurityProcessing Processing, MailSecuritySystem? System = null, SecurityCode? Decryption = null,
    SecurityCode? Signature = null, DateTimeOffset? FirstStatusAwaitedSince = null)
{
    public static readonly InboundSecurity Pending = new(SecurityProcessing.Pending);

    public static InboundSecurity Received(DateTimeOffset acceptedAt) => Pending with { FirstStatusAwaitedSince = acceptedAt };

    /// <summary>Failed for a key we did not hold (decryption or verification): a key import retries it.</summary>
    public bool AwaitsKey => AwaitsPrivateKey || AwaitsSignerKey;

    public bool AwaitsPrivateKey => Processing == SecurityProcessing.Processed && Decryption == SecurityCode.NoPrivateKey;

    public bool AwaitsSignerKey => Processing == SecurityProcessing.Processed && Signature == SecurityCode.UnknownSigner;

    public InboundSecurity After(object outcome) => Next(outcome) with { FirstStatusAwaitedSince = null };

    private InboundSecurity Next(object outcome) => outcome switch
    {
        SecurityProcessRetried => Pending,
        ArticleSecurityChecked => new(SecurityProcessing.Processed),
        SecurityProcessAbandoned => new(SecurityProcessing.Abandoned),
        ArticleDecrypted e => Outcome(e.System) with { Decryption = null },
        DecryptionFailed e => Outcome(e.System) with { Decryption = SecurityCodes.Parse(e.Reason) },
        SignatureVerified e => Outcome(e.System) with { Signature = null },
        SignatureVerificationFailed e => Outcome(e.System) with { Signature = SecurityCodes.Parse(e.Reason) },
        _ => this,
    };

    private InboundSecurity Outcome(MailSecuritySystem system) => this with { Processing = SecurityProcessing.Processed, System = system };
}
