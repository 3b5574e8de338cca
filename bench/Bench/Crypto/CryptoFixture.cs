using SecureMail.Application.Inbound;
using SecureMail.Domain.Keystore;
using SecureMail.Infrastructure.Inbound;
using SecureMail.Infrastructure.Outgoing;
using SecureMail.TestKit.Inbound;

namespace SecureMail.Bench.Crypto;

/// <summary>Keys and messages shared by the in-process crypto figures (BenchmarkDotNet runs in this process, so it
/// sees the same instance).</summary>
public sealed class CryptoFixture : IDisposable
{
    private static CryptoFixture? current;

    private readonly IReadOnlyList<CertificateFacts> imported;

    private CryptoFixture(int inboundPool)
    {
        Smime = new SmimeIdentities();
        var keyring = Smime.GroupKeyring();
        imported = keyring.Certificates.ToList();
        GroupDecryptionKey = keyring.SmimeKeys.Single();
        Article = Messages.From(SmimeIdentities.Group, SmimeIdentities.Customer, 0);
        InboundMail = Enumerable.Range(0, inboundPool)
            .Select(i => Composer.Compose(Messages.From(SmimeIdentities.Customer, SmimeIdentities.Group, i), Smime.CustomerSignsAndEncryptsToGroup()).Raw)
            .ToList();
    }

    public static CryptoFixture Current => current ?? throw new InvalidOperationException("The crypto fixture is not set up.");

    public MimeKitOutgoingMailComposer Composer { get; } = new();
    public MimeKitInboundMessageReader Reader { get; } = new();
    public SmimeIdentities Smime { get; }
    public SmimeDecryptionKey GroupDecryptionKey { get; }
    public Application.Tickets.Outgoing.OutgoingMessage Article { get; }
    public IReadOnlyList<byte[]> InboundMail { get; }
    public PgpIdentities? Pgp { get; private set; }

    public static CryptoFixture SetUp(int inboundPool, bool withPgp)
    {
        current = new CryptoFixture(inboundPool);
        if (withPgp)
            current.Pgp = new PgpIdentities();
        return current;
    }

    /// <summary>A keyring per message, as the service makes one per message.</summary>
    public InMemoryInboundKeyring GroupKeyring()
    {
        var keyring = new InMemoryInboundKeyring();
        keyring.SmimeKeys.Add(GroupDecryptionKey);
        keyring.Certificates.AddRange(imported);
        return keyring;
    }

    /// <summary>Decrypts and verifies; anything but "decrypted, valid" would make the figure meaningless.</summary>
    public Task InspectAsync(byte[] raw)
    {
        var inspection = GroupKeyring().Inspect(Reader, raw);
        if (inspection.Decryption is not { Code: null } || inspection.Signature is not { Code: null })
            throw new InvalidOperationException(
                $"Benchmark mail did not open cleanly: {inspection.Decryption?.Code} {inspection.Decryption?.Detail} / {inspection.Signature?.Code} {inspection.Signature?.Detail}");
        return Task.CompletedTask;
    }

    public void Dispose() => Pgp?.Dispose();
}
