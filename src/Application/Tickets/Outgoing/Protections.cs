using SecureMail.Domain.Settings;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Outgoing;

/// <summary>The keys a <see cref="SecurityPlan"/> names, as the composer takes them.</summary>
public static class Protections
{
    /// <param name="secret">The signer's private key (S/MIME: PKCS#8) or secret key ring (PGP), opened from the vault.</param>
    public static OutgoingProtection For(SecurityPlan plan, byte[]? secret) => plan.Requested.Type switch
    {
        MailSecuritySystem.SMIME => new SmimeProtection(
            plan.Signer is { } signer ? new SmimeSigner(signer.Fingerprint, Bytes(signer.Material!.PublicKey), [.. signer.Material.Chain.Select(Bytes)], secret!) : null,
            [.. plan.Recipients.Select(r => new SmimeRecipient(r.Email, r.Fingerprint, Bytes(r.Material!.PublicKey)))]),
        MailSecuritySystem.PGP => new PgpProtection(
            plan.Signer is { } signer ? new PgpSigner(signer.Fingerprint, secret!) : null,
            [.. plan.Recipients.Select(r => new PgpRecipient(r.Email, r.Fingerprint, Bytes(r.Material!.PublicKey)))]),
        _ => OutgoingProtection.None,
    };

    private static byte[] Bytes(string base64) => Convert.FromBase64String(base64);
}
