namespace SecureMail.Domain.Keystore.Smime;

/// <summary>What the reference helpdesks check before a certificate enters the keystore.
/// CA certificates skip the end-entity checks: they are trust anchors, not mail identities.</summary>
public static class CertificateRules
{
    /// <param name="ofPrivateKey">The certificate of a private key uploaded with it: a mail identity, checked as one even
    /// when it says CA:TRUE, which <c>openssl req -x509</c> writes into every self-signed certificate.</param>
    public static string? Violation(CertificateFacts c, bool ofPrivateKey = false)
    {
        if (c.KeyAlgorithm is not ("RSA" or "EC"))
            return $"The certificate {c.Subject} uses the key algorithm {c.KeyAlgorithm}; only RSA and EC keys are supported.";
        if (KeyPolicy.Of(c) is { } weak)
            return $"The certificate {c.Subject} has {weak}.";
        if (c.IsCertificateAuthority && !ofPrivateKey)
            return null;
        if (c.Emails.Count == 0)
            return $"The certificate {c.Subject} has no e-mail address (subjectAltName rfc822Name or emailAddress); S/MIME needs one.";
        if (c.KeyUsages is { } usages && !usages.Contains("digitalSignature") && !usages.Contains("keyEncipherment") && !usages.Contains("keyAgreement"))
            return $"The key usage of {c.Subject} allows neither digitalSignature nor keyEncipherment.";
        if (c.ExtendedKeyUsages is { } ekus && !ekus.Contains("emailProtection") && !ekus.Contains("anyExtendedKeyUsage"))
            return $"The extended key usage of {c.Subject} does not include emailProtection.";
        return null;
    }
}
