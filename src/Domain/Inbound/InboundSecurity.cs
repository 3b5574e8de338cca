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
public sealed record InboundSecurity(SecurityProcessing Processing, MailSecuritySystem? System = null, SecurityCode? Decryption = null,
    SecurityCode? Signature = null)
{
    public static readonly InboundSecurity Pending = new(SecurityProcessing.Pending);

    /// <summary>Failed for a key we did not hold (decryption or verification): a key import retries it.</summary>
    public bool AwaitsKey => AwaitsPrivateKey || AwaitsSignerKey;

    public bool AwaitsPrivateKey => Processing == SecurityProcessing.Processed && Decryption == SecurityCode.NoPrivateKey;

    public bool AwaitsSignerKey => Processing == SecurityProcessing.Processed && Signature == SecurityCode.UnknownSigner;

    public InboundSecurity After(object outcome) => outcome switch
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
