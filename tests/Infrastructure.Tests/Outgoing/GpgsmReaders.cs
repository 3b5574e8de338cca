using SecureMail.Application.Tickets.Outgoing;
using SecureMail.TestKit.Smime;

namespace SecureMail.Infrastructure.Tests.Outgoing;

/// <summary>People who read our S/MIME mail with gpgsm, each in their own home with their own identity (so that
/// decrypting proves that this person's key works), every home knowing everyone's certificate. Carol and Dave
/// imported the test root and trust it; the stranger imported it too but does not trust it, and holds no key the mail
/// is encrypted to. The agent signs with a certificate from an intermediate CA, which travels in the message.</summary>
public sealed class GpgsmReaders : IDisposable
{
    private readonly List<Gpgsm> _homes = [];

    public GpgsmReaders()
    {
        Root = TestCa.Create("Gpgsm Test Root CA");
        Intermediate = Root.IssueIntermediate("Gpgsm Test Intermediate CA");
        Agent = Intermediate.Issue("support@example.com");
        try
        {
            Carol = Reader(Root.Issue("carol@example.org"), trustsRoot: true);
            Dave = Reader(Root.Issue("dave@example.net"), trustsRoot: true);
            Stranger = Reader(Root.Issue("stranger@example.com"), trustsRoot: false);
            foreach (var reader in new[] { Carol, Dave, Stranger })
                foreach (var other in new[] { Carol, Dave, Stranger }.Where(o => o != reader))
                    reader.Gpgsm.Import(other.Identity);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public TestCa Root { get; }
    public TestCa Intermediate { get; }
    public TestCertificate Agent { get; }
    public GpgsmReader Carol { get; }
    public GpgsmReader Dave { get; }
    public GpgsmReader Stranger { get; }

    public SmimeSigner AgentSigner => new(Agent.Fingerprint, Agent.Der, [Intermediate.Certificate.Der, Root.Certificate.Der], Agent.Pkcs8Der);

    public void Dispose()
    {
        foreach (var home in _homes)
            home.Dispose();
    }

    private GpgsmReader Reader(TestCertificate identity, bool trustsRoot)
    {
        var gpgsm = new Gpgsm();
        _homes.Add(gpgsm);
        if (trustsRoot)
            gpgsm.Trust(Root.Certificate);
        gpgsm.Import(Root.Certificate);
        gpgsm.ImportIdentity(identity);
        return new GpgsmReader(identity, gpgsm);
    }
}

public sealed record GpgsmReader(TestCertificate Identity, Gpgsm Gpgsm)
{
    public SmimeRecipient Recipient => new(Identity.Certificate.SubjectDN.ToString(), Identity.Fingerprint, Identity.Der);

    /// <summary>gpgsm's key id: the last 16 hex digits of the certificate's SHA-1 fingerprint.</summary>
    public string KeyId => Convert.ToHexString(System.Security.Cryptography.SHA1.HashData(Identity.Der))[^16..];
}
