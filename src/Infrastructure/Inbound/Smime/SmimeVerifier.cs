using Org.BouncyCastle.Asn1.Cms;
using Org.BouncyCastle.Cms;
using Org.BouncyCastle.X509;
using Org.BouncyCastle.X509.Store;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Settings;
using SecureMail.Infrastructure.Algorithms;
using SecureMail.Infrastructure.Keys;
using SecureMail.Infrastructure.Keystore.Smime;
using static SecureMail.Infrastructure.Inbound.Failures;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Verifies CMS signed-data with BouncyCastle directly: no MimeKit context, so nothing the message carries is
/// imported or trusted (docs/inbound-status.md#carried-keys-are-not-trusted). An empty SignerInfos is a failure, not
/// "all of none verified" (docs/inbound-status.md#valid-needs-every-check).</summary>
internal static class SmimeVerifier
{
    private const MailSecuritySystem Smime = MailSecuritySystem.SMIME;

    public static LayerResult Detached(byte[] content, byte[] signature, VerificationKeys keys) =>
        Verify(() => new CmsSignedData(new CmsProcessableByteArray(content), signature), content, keys);

    /// <summary>Opaque signed-data: the content is inside; it is shown even when the signature fails.</summary>
    public static LayerResult Opaque(byte[] cms, VerificationKeys keys) =>
        Verify(() => new CmsSignedData(cms), null, keys);

    private static LayerResult Verify(Func<CmsSignedData> read, byte[]? detachedContent, VerificationKeys keys)
    {
        CmsSignedData signed;
        List<SignerInformation> signers;
        CarriedCertificates carried;
        byte[] content;
        try
        {
            signed = read();
            signers = signed.GetSignerInfos().GetSigners().ToList();
            carried = CarriedCertificates.Of(signed);
            content = detachedContent ?? CmsLayers.Encapsulated(signed) ?? throw new CmsException("No encapsulated content.");
        }
        catch (Exception)
        {
            return new LayerResult(null, Signature(Smime, SecurityCode.Malformed,
                "The signature is not readable CMS signed data: it is damaged, truncated or holds no content."), null);
        }

        var inside = new MimePlaintext(content);
        if (signers.Count == 0)
            return new LayerResult(null, Signature(Smime, SecurityCode.NoSigner, "The signature holds no signer."), inside);
        if (signers.Count > SmimeBudget.Signers)
            return new LayerResult(null, Signature(Smime, SecurityCode.Unsupported,
                $"The signature holds {signers.Count} signers; at most {SmimeBudget.Signers} are checked, so it is not shown as verified."), inside);

        SignatureFacts? first = null;
        foreach (var signer in signers)
        {
            var facts = VerifyOne(signer, carried, keys);
            if (facts.Code is not null)
                return new LayerResult(null, facts, inside);
            first ??= facts;
        }

        return new LayerResult(null, first, inside);
    }

    private static SignatureFacts VerifyOne(SignerInformation signer, CarriedCertificates carried, VerificationKeys keys)
    {
        var unknown = Signature(Smime, SecurityCode.UnknownSigner) with
        {
            Digest = CmsNames.Digest(signer.DigestAlgorithmID.Algorithm.Id),
            SignedAt = SigningTime(signer),
        };
        var certificate = carried.Find(c => CmsIdentifiers.Matches(signer.SignerID, c))
            ?? Imported(signer.SignerID, keys);
        if (certificate is null)
            return unknown;
        if (CarriedKeys.Refusal(certificate) is { } refusal)
            return unknown with
            {
                Code = refusal.Code,
                Detail = refusal.Detail,
                // A small key is cheap to read, and the words users see name it; an oversized one is never built.
                Certificate = refusal.Code == SecurityCode.WeakKey ? CertificateFactsReader.Read(certificate) : null,
                SigningKeyFingerprint = SmimeChain.Fingerprint(certificate),
            };
        // Built here once, without a prime test; the facts and the signature check below reuse the key the certificate keeps.
        CarriedKeys.PublicKey(certificate);

        var facts = unknown with
        {
            Code = null,
            Detail = null,
            Certificate = CertificateFactsReader.Read(certificate),
            SigningKeyFingerprint = SmimeChain.Fingerprint(certificate),
        };
        if (!Verifies(signer, certificate))
            return facts with { Code = SecurityCode.BadSignature, Detail = null };
        // Neither imported itself nor issued by a trust anchor: "Unable to find certificate for validation"
        // (docs/messages.md#incoming), with the certificate kept so the words can say what the mail carried and an
        // admin can review it.
        var chain = SmimeChain.Evaluate(certificate, carried.First, keys);
        return chain.Code is null ? facts : facts with { Code = chain.Code, Detail = chain.Detail };
    }

    /// <summary>A signature made without its certificate (openssl -nocerts) names the signer by issuer and serial; the
    /// keystore may hold that certificate.</summary>
    private static X509Certificate? Imported(X509CertStoreSelector id, VerificationKeys keys)
    {
        if (id.Issuer is null || id.SerialNumber is null)
            return null;
        var facts = keys.Certificate(Rendering.Name(id.Issuer), Rendering.Serial(id.SerialNumber));
        return facts is null ? null : ParsedKeys.Certificate(Convert.FromBase64String(facts.Der));
    }

    // Verify(publicKey), not Verify(certificate): the latter checks validity at the signing time the message claims.
    private static bool Verifies(SignerInformation signer, X509Certificate certificate)
    {
        try
        {
            return signer.Verify(certificate.GetPublicKey());
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static DateTimeOffset? SigningTime(SignerInformation signer)
    {
        try
        {
            var attribute = signer.SignedAttributes?[CmsAttributes.SigningTime];
            return attribute is null ? null : Rendering.Utc(Time.GetInstance(attribute.AttrValues[0]).ToDateTime());
        }
        catch (Exception)
        {
            return null;
        }
    }
}
