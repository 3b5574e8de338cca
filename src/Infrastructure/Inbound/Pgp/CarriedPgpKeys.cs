using MimeKit;
using Org.BouncyCastle.Bcpg.OpenPgp;
using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore.Collected;
using SecureMail.Infrastructure.Keystore.Pgp;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>The OpenPGP public keys a message offers: application/pgp-keys parts of its content (RFC 3156 §7) and the
/// sender's Autocrypt header (Autocrypt Level 1, §2.1). Facts for an admin's review, never keys we trust; of a secret key
/// only the public part is read. Bounded: a few parts and keys, whatever the message holds, and no key bigger than
/// <see cref="InboundBudget.MaxCarriedKeyBits"/> (its self-signatures would be checked with it).</summary>
internal static class CarriedPgpKeys
{
    private const int MaxKeys = 4;
    private static readonly string[] AutocryptAttributes = ["addr", "prefer-encrypt", "keydata"];

    public static IReadOnlyList<CarriedKey> Read(MimeMessage message, MimeEntity? content)
    {
        var keys = new List<CarriedKey>();
        if (Sender(message) is { } sender && AutocryptKeyData(message, sender) is { } keyData)
            keys.AddRange(Keys(keyData, CarriedKey.Autocrypt).Where(k => k.Emails.Contains(sender.Value)));
        foreach (var part in KeyParts(content))
            keys.AddRange(Keys(InboundMime.Decoded(part), CarriedKey.PgpKeysPart));
        return keys.DistinctBy(k => k.Fingerprint).Take(MaxKeys).ToList();
    }

    private static EmailAddress? Sender(MimeMessage message) =>
        message.From.Mailboxes.ToList() is [var only] ? EmailAddress.Of(only.Address) : null;

    /// <summary>Autocrypt §2.1: the header's addr must be the sender's; an unknown attribute not starting with "_" makes the
    /// header invalid, and more than one valid header means none.</summary>
    private static byte[]? AutocryptKeyData(MimeMessage message, EmailAddress sender)
    {
        var valid = message.Headers.Where(h => h.Field.Equals("Autocrypt", StringComparison.OrdinalIgnoreCase))
            .Select(h => Attributes(h.Value))
            .Where(a => a is not null && a.Keys.All(k => k.StartsWith('_') || AutocryptAttributes.Contains(k))
                && a.GetValueOrDefault("addr") is { } addr && EmailAddress.Of(addr) == sender && a.ContainsKey("keydata"))
            .ToList();
        if (valid.Count != 1)
            return null;
        try
        {
            return Convert.FromBase64String(string.Concat(valid[0]!["keydata"].Where(c => !char.IsWhiteSpace(c))));
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Dictionary<string, string>? Attributes(string value)
    {
        var attributes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = pair.IndexOf('=');
            if (equals <= 0 || !attributes.TryAdd(pair[..equals].Trim(), pair[(equals + 1)..].Trim()))
                return null;
        }
        return attributes;
    }

    private static IEnumerable<MimePart> KeyParts(MimeEntity? content)
    {
        var pending = new Stack<MimeEntity>(content is null ? [] : [content]);
        for (var seen = 0; pending.Count > 0 && seen < InboundBudget.MaxParts; seen++)
        {
            switch (pending.Pop())
            {
                case Multipart multipart:
                    foreach (var child in multipart.Reverse())
                        pending.Push(child);
                    break;
                case MimePart part when InboundMime.Is(part, "application", "pgp-keys"):
                    yield return part;
                    break;
            }
        }
    }

    private static IEnumerable<CarriedKey> Keys(byte[] data, string source)
    {
        IReadOnlyList<object> rings;
        try
        {
            rings = PgpKeyRings.Read(data);
        }
        catch (Exception)
        {
            yield break;
        }
        foreach (var ring in rings.Take(MaxKeys))
        {
            CarriedKey? key;
            try
            {
                var publicRing = ring as PgpPublicKeyRing ?? PgpKeyRings.PublicPartOf((PgpSecretKeyRing)ring);
                key = CarriedKeySize.Fits(publicRing) ? CarriedKey.Of(source, PgpKeyFactsReader.Read(publicRing)) : null;
            }
            catch (Exception)
            {
                key = null;
            }
            if (key is not null)
                yield return key;
        }
    }
}
