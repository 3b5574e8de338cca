using Org.BouncyCastle.Bcpg.OpenPgp;

namespace SecureMail.Infrastructure.Inbound.Pgp;

/// <summary>An OpenPGP message once decrypted (or one that was only signed): optionally compressed, then one-pass
/// signatures, exactly one literal data packet, and the signatures (RFC 4880 §11.3). Any other shape is refused:
/// a second literal packet or a stray packet is how content gets smuggled past a signature.</summary>
internal sealed record PgpPlainMessage(byte[] Literal, IReadOnlyList<PgpSignature> Signatures)
{
    public static readonly string TooManySignatures = $"The message holds more than {InboundBudget.MaxSignatures} signatures";

    /// <exception cref="OverBudget">More than <see cref="InboundBudget.MaxSignatures"/> signatures or one-pass signatures.</exception>
    public static PgpPlainMessage Read(byte[] packets)
    {
        WithinBudget(packets);
        var factory = new PgpObjectFactory(packets);
        var first = Next(factory);
        if (first is PgpCompressedData compressed)
        {
            var inner = PgpArmor.ReadAll(compressed.GetDataStream());
            if (Next(factory) is not null)
                throw new FormatException("Packets follow the compressed data.");
            WithinBudget(inner);
            factory = new PgpObjectFactory(inner);
            first = Next(factory);
        }

        byte[]? literal = null;
        var onePass = 0;
        var signatures = new List<PgpSignature>();
        for (var item = first; item is not null; item = Next(factory))
        {
            switch (item)
            {
                case PgpOnePassSignatureList list when literal is null:
                    onePass += list.Count;
                    break;
                case PgpLiteralData data when literal is null:
                    literal = PgpArmor.ReadAll(data.GetDataStream());
                    break;
                case PgpSignatureList list:
                    signatures.AddRange(Enumerable.Range(0, list.Count).Select(i => list[i]));
                    break;
                default:
                    throw new FormatException($"Unexpected OpenPGP packet {item.GetType().Name}.");
            }
        }

        if (literal is null)
            throw new FormatException("The message holds no literal data.");
        if (onePass > 0 && onePass != signatures.Count)
            throw new FormatException("The one-pass signatures do not match the signatures.");
        return new PgpPlainMessage(literal, signatures);
    }

    private static void WithinBudget(byte[] packets)
    {
        if (PgpPacketTags.Count(packets, InboundBudget.MaxSignatures, PgpPacketTags.OnePassSignature) > InboundBudget.MaxSignatures)
            throw new OverBudget($"The message announces more than {InboundBudget.MaxSignatures} signatures");
        if (PgpPacketTags.Count(packets, InboundBudget.MaxSignatures, PgpPacketTags.Signature) > InboundBudget.MaxSignatures)
            throw new OverBudget(TooManySignatures);
    }

    private static object? Next(PgpObjectFactory factory)
    {
        var item = factory.NextPgpObject();
        while (item is PgpMarker)
            item = factory.NextPgpObject();
        return item;
    }
}
