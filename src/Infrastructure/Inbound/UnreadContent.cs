using MimeKit;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;

namespace SecureMail.Infrastructure.Inbound;

/// <summary>What is reported for MIME data over the budget, which is not parsed: the security layer its root claims is
/// failed with the reason (a layer left out would read as no layer at all), and a note stands in for the content.</summary>
internal static class UnreadContent
{
    /// <summary>The whole message is over the budget.</summary>
    public static InboundInspection Of(MimeOverBudget over) => Inside(new LayerResult(null, null, null), over);

    /// <summary>The root layer was opened (its facts stand), and what it holds is over the budget.</summary>
    public static InboundInspection Inside(LayerResult opened, MimeOverBudget over)
    {
        var claimed = Claimed(over.Root);
        var reason = $"{over.Excess}; it was not checked.";
        var decryption = opened.Decryption ?? (claimed is (Protection.Encryption, var encrypted)
            ? Failures.Decryption(encrypted, SecurityCode.TooComplex, reason)
            : null);
        var signature = opened.Signature ?? (claimed is (Protection.Signature, var signed)
            ? Failures.Signature(signed, SecurityCode.TooComplex, reason)
            : null);
        return new InboundInspection(decryption, signature, new InboundContent($"{over.Excess}; its content was not read.", null, []));
    }

    // A layer in a single part (application/pkcs7-mime, an inline PGP block) is one entity, never over the budget.
    private static (Protection, MailSecuritySystem)? Claimed(ContentType? type) => type switch
    {
        not null when type.IsMimeType("multipart", "signed") =>
            (Protection.Signature, (type.Parameters["protocol"] ?? "").Contains("pgp", StringComparison.OrdinalIgnoreCase)
                ? MailSecuritySystem.PGP
                : MailSecuritySystem.SMIME),
        not null when type.IsMimeType("multipart", "encrypted") => (Protection.Encryption, MailSecuritySystem.PGP),
        _ => null,
    };
}
