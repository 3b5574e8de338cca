using System.Net;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Api.Tests.Tickets;
using SecureMail.Application;
using SecureMail.Application.Keystore.Smime;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Smime;
using SecureMail.Infrastructure.Vault;
using static SecureMail.Api.Tests.Support.HttpExtensions;

namespace SecureMail.Api.Tests.Keystore;

[Collection(RunningService.Name)]
public class PrivateKeyRemovalTests(ServiceFixture service)
{
    private readonly Helpdesk helpdesk = new(service);

    [Fact]
    public async Task Removing_the_private_key_destroys_it_keeps_the_certificate_for_encryption_and_refuses_signing_with_the_reason()
    {
        await helpdesk.Configure();
        var certificate = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        var id = KeystoreIds.ForCertificate(certificate.Fingerprint);
        Assert.True(await Vault.Holds(service, id));

        var response = await helpdesk.Admin.DeleteAsync($"{Certificates}/{certificate.Fingerprint.ToUpperInvariant()}/private-key");

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.False(await Vault.Holds(service, id));
        var entry = await (await helpdesk.Admin.GetAsync($"{Certificates}/{certificate.Fingerprint}")).Json(HttpStatusCode.OK);
        Assert.False(entry.Value<bool>("hasPrivateKey"));
        Assert.True(entry.Value<bool>("usableForEncryption"));
        Assert.False(entry.Value<bool>("usableForSigning"));
        var refusal = await (await helpdesk.Compose([helpdesk.Mailbox("alice")], new { type = "SMIME", sign = true, encrypt = false }))
            .Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"Cannot sign with S/MIME: The certificate for {helpdesk.Address} was not found.", refusal);
        await helpdesk.Composed(await helpdesk.Compose([helpdesk.Address], new { type = "SMIME", sign = false, encrypt = true }));

        await using var session = service.Host.Services.GetRequiredService<IDocumentStore>().QuerySession();
        var removed = Assert.Single((await session.Events.FetchStreamAsync(id)).Select(e => e.Data).OfType<PrivateKeyRemoved>());
        Assert.Equal(("test-admin", certificate.Fingerprint), (removed.RemovedBy, removed.CertificateFingerprint));
    }

    /// <summary>This node holds the sealed key in memory once it opened it (ADR 53); the keystore read decides, not memory.</summary>
    [Fact]
    public async Task A_private_key_removed_on_another_node_is_not_signed_with_here_though_this_node_had_opened_it()
    {
        await helpdesk.Configure();
        var certificate = await helpdesk.Certificate(helpdesk.Address, privateKey: true);
        await helpdesk.Composed(await helpdesk.Compose([helpdesk.Mailbox("alice")], new { type = "SMIME", sign = true, encrypt = false }));

        using var otherNode = DocumentStore.For(options =>
        {
            options.Connection(ServiceFixture.ConnectionString);
            options.DatabaseSchemaName = ServiceFixture.Schema;
            StoreConfiguration.Apply(options);
        });
        await using (var session = otherNode.LightweightSession())
        {
            var otherVault = new AesGcmKeyVault(service.Host.Services.GetRequiredService<VaultKey>());
            var change = await RemoveCertificateHandler.Handle(new RemovePrivateKey(certificate.Fingerprint, "test-admin"), session, otherVault,
                TimeProvider.System, CancellationToken.None);
            Assert.Null(change.Rejection);
            await session.SaveChangesAsync();
        }

        var refusal = await (await helpdesk.Compose([helpdesk.Mailbox("alice")], new { type = "SMIME", sign = true, encrypt = false }))
            .Problem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains($"Cannot sign with S/MIME: The certificate for {helpdesk.Address} was not found.", refusal);
    }

    [Fact]
    public async Task A_certificate_without_a_private_key_or_not_held_answers_404()
    {
        var customer = await helpdesk.Certificate(helpdesk.Mailbox("bob"));

        var withoutKey = await (await helpdesk.Admin.DeleteAsync($"{Certificates}/{customer.Fingerprint}/private-key")).Problem(HttpStatusCode.NotFound);
        var unknown = await (await helpdesk.Admin.DeleteAsync($"{Certificates}/{new string('a', 64)}/private-key")).Problem(HttpStatusCode.NotFound);

        Assert.Contains("has no private key", withoutKey);
        Assert.Contains("no such certificate", unknown);
        Assert.Equal(HttpStatusCode.Forbidden, (await service.Client("auditor").DeleteAsync($"{Certificates}/{customer.Fingerprint}/private-key")).StatusCode);
    }
}
