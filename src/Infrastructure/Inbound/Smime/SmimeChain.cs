using System.Security.Cryptography;
using Org.BouncyCastle.X509;
using SecureMail.Application.Inbound;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Keys;
using SecureMail.Infrastructure.Keystore.Smime;

namespace SecureMail.Infrastructure.Inbound.Smime;

/// <summary>Does the signer certificate reach a trust anchor an admin imported? Certificates the message carries
/// may serve as intermediates, never as anchors (rule 4): an attacker can put any self-signed CA in a message.
/// Every link's signature is checked with its issuer's key. Time, revocation and key usage are the Domain's.</summary>
internal static class SmimeChain
{
    private const int MaxLength = 8;

    public static async Task<bool> ReachesAnchorAsync(X509Certificate signer, IReadOnlyList<X509Certificate> carried,
        IInboundKeyring keyring, CancellationToken cancellation)
    {
        if (await keyring.CertificateAsync(Fingerprint(signer), cancellation) is not null)
            return true;

        var current = signer;
        var visited = new HashSet<string> { Fingerprint(signer) };
        for (var length = 0; length < MaxLength; length++)
        {
            foreach (var anchor in await keyring.AuthoritiesAsync(Rendering.Name(current.IssuerDN), cancellation))
            {
                if (anchor.IsCertificateAuthority && Parse(anchor.Der) is { } anchorCertificate && IsSignedBy(current, anchorCertificate))
                    return true;
            }

            var issuer = carried.FirstOrDefault(c => c.SubjectDN.Equivalent(current.IssuerDN)
                && c.GetBasicConstraints() >= 0 && !visited.Contains(Fingerprint(c)) && IsSignedBy(current, c));
            if (issuer is null)
                return false;
            visited.Add(Fingerprint(issuer));
            current = issuer;
        }

        return false;
    }

    public static string Fingerprint(X509Certificate certificate) => Convert.ToHexStringLower(SHA256.HashData(certificate.GetEncoded()));

    private static bool IsSignedBy(X509Certificate certificate, X509Certificate issuer)
    {
        try
        {
            certificate.Verify(issuer.GetPublicKey());
            return true;
        }
        catch (Exception)
        {
            return false;
        }
    }

    private static X509Certificate? Parse(string base64Der)
    {
        try
        {
            return ParsedKeys.Certificate(Convert.FromBase64String(base64Der));
        }
        catch (Exception)
        {
            return null;
        }
    }
}
