namespace SecureMail.Domain.Keystore.Smime;

/// <summary>What a certificate must say before an admin's "trust this as an issuer" is taken: it must be allowed to sign
/// certificates. A self-signed mail identity (<c>openssl req -x509</c> writes CA:TRUE into every one) is refused here, or
/// whoever holds its key could issue a certificate for any address and have it believed.</summary>
public static class TrustAnchorRules
{
    public static string? Violation(CertificateFacts c)
    {
        if (!c.IsCertificateAuthority)
            return $"The certificate {c.Subject} is not a CA certificate (basicConstraints CA:TRUE); only a CA can be a trust anchor.";
        // RFC 5280 §4.2.1.3: when key usage is present, a key may verify certificate signatures only with keyCertSign.
        if (c.KeyUsages is { } usages && !usages.Contains("keyCertSign"))
            return $"The certificate {c.Subject} may not sign certificates: its key usage ({string.Join(", ", usages)}) lacks keyCertSign, " +
                "so it cannot be a trust anchor. Import it as a certificate to trust its own signatures only.";
        // Path validation ends at a self-issued root; an intermediate would never be reached as an anchor.
        if (c.Subject != c.Issuer)
            return $"The certificate {c.Subject} is issued by {c.Issuer}, not by itself; a trust anchor is a root CA certificate. Import the root.";
        return null;
    }
}
