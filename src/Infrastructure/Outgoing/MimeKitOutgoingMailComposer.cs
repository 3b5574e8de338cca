using MimeKit;
using SecureMail.Application.Tickets.Outgoing;
using SecureMail.Infrastructure.Inbound;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>Builds the message with MimeKit and protects its body: S/MIME over a context that holds only the
/// keys passed in, PGP/MIME over BouncyCastle with keys chosen by their key flags.</summary>
public sealed class MimeKitOutgoingMailComposer : IOutgoingMailComposer
{
    public ComposedMail Compose(OutgoingMessage message, OutgoingProtection protection)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(protection);

        var body = OutgoingMimeBody.Build(message);
        var (protectedBody, digest, cipher, signer) = protection switch
        {
            NoProtection => new ProtectedBody(body, null, null, null),
            SmimeProtection smime => SmimeProtector.Apply(body, smime, message.Date),
            PgpProtection pgp => PgpProtector.Apply(body, pgp, message.Date),
            _ => throw new ArgumentException($"Unknown protection {protection.GetType().Name}.", nameof(protection)),
        };

        var mime = OutgoingMimeBody.Headers(message);
        mime.Body = protectedBody;
        // Listed by the walk a download uses, over the body just built: the ids recorded are the ids served.
        var attachments = ContentReader.Read(body).Attachments;
        var plaintext = cipher is not null && attachments.Count > 0 ? CanonicalMime.Bytes(body) : null;
        return new ComposedMail(CanonicalMime.Bytes(mime), digest, cipher, signer, attachments, plaintext);
    }
}

/// <param name="Signer">Fingerprint of the certificate or (sub)key that signed.</param>
internal sealed record ProtectedBody(MimeEntity Body, string? DigestAlgorithm, string? Cipher, string? Signer);
