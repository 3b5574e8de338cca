namespace SecureMail.Domain.Keystore.Smime;

/// <summary>What a certificate must be to enter the keystore (ADR 6). Every certificate is a mail
/// identity, trusted for its own signatures only, whatever its basic constraints say (<c>openssl req -x509</c> writes
/// CA:TRUE into every self-signed certificate), unless an admin imports it as a trust anchor.</summary>
public static class CertificateRules
{
    /// <param name="asTrustAnchor">The admin imports it to vouch for the certificates it issues: it is checked as an
    /// issuer (<see cref="TrustAnchorRules"/>), not as a mail identity.</param>
    public static string? Violation(CertificateFacts c, bool asTrustAnchor = false)
    {
        if (c.KeyAlgorithm is not ("RSA" or "EC"))
            return $"The certificate {c.Subject} uses the key algorithm {c.KeyAlgorithm}; only RSA and EC keys are supported.";
        if (KeyPolicy.Of(c) is { } weak)
            return $"The certificate {c.Subject} has {weak}.";
        if (asTrustAnchor)
            return TrustAnchorRules.Violation(c);
        if (c.Emails.Count == 0)
            return $"The certificate {c.Subject} has no e-mail address (subjectAltName rfc822Name or emailAddress); S/MIME needs one." +
                (c.IsCertificateAuthority ? " To trust it as the issuer of other certificates, import it as a trust anchor." : "");
        if (c.KeyUsages is { } usages && !usages.Contains("digitalSignature") && !usages.Contains("keyEncipherment") && !usages.Contains("keyAgreement"))
            return $"The key usage of {c.Subject} allows neither digitalSignature nor keyEncipherment.";
        if (c.ExtendedKeyUsages is { } ekus && !ekus.Contains("emailProtection") && !ekus.Contains("anyExtendedKeyUsage"))
            return $"The extended key usage of {c.Subject} does not include emailProtection.";
        return null;
    }
}
