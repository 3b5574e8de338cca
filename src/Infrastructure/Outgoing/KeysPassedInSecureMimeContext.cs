using MimeKit;
using MimeKit.Cryptography;
using Org.BouncyCastle.Asn1.X509;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Pkix;
using Org.BouncyCastle.Utilities.Collections;
using Org.BouncyCastle.X509;

namespace SecureMail.Infrastructure.Outgoing;

/// <summary>An S/MIME context with no certificate store: the signer and the recipients are passed to each call
/// (<see cref="CmsSigner"/>, <see cref="CmsRecipientCollection"/>), so nothing is looked up, imported or trusted.
/// MimeKit's database contexts would import and trust certificates as a side effect.</summary>
internal sealed class KeysPassedInSecureMimeContext : BouncyCastleSecureMimeContext
{
    private static readonly IStore<X509Certificate> NoCertificates = CollectionUtilities.CreateStore(Array.Empty<X509Certificate>());

    protected override X509Certificate? GetCertificate(ISelector<X509Certificate> selector) => null;

    protected override AsymmetricKeyParameter? GetPrivateKey(ISelector<X509Certificate> selector) => null;

    protected override HashSet<TrustAnchor> GetTrustedAnchors() => [];

    protected override IStore<X509Certificate> GetIntermediateCertificates() => NoCertificates;

    protected override IStore<X509Crl> GetCertificateRevocationLists() => CollectionUtilities.CreateStore(Array.Empty<X509Crl>());

    protected override DateTime GetNextCertificateRevocationListUpdate(X509Name issuer) => DateTime.MinValue;

    protected override CmsRecipient GetCmsRecipient(MailboxAddress mailbox) =>
        throw new CertificateNotFoundException(mailbox, "Recipients are passed in; none is looked up.");

    protected override CmsSigner GetCmsSigner(MailboxAddress mailbox, DigestAlgorithm digestAlgo) =>
        throw new CertificateNotFoundException(mailbox, "The signer is passed in; none is looked up.");

    protected override void UpdateSecureMimeCapabilities(X509Certificate certificate, EncryptionAlgorithm[] algorithms, DateTime timestamp)
    {
    }

    public override bool CanSign(MailboxAddress signer, CancellationToken cancellationToken = default) => false;

    public override bool CanEncrypt(MailboxAddress mailbox, CancellationToken cancellationToken = default) => false;

    public override void Import(X509Certificate certificate, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This context keeps no certificates.");

    public override void Import(X509Crl crl, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This context keeps no CRLs.");

    public override void Import(Stream stream, string password, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This context keeps no keys.");

    public override Task ImportAsync(Stream stream, string password, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("This context keeps no keys.");
}
