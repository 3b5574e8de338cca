using System.Net;
using System.Net.Http.Json;
using System.Text;
using SecureMail.Reliability.Harness;
using SecureMail.Reliability.HostileInput;
using SecureMail.TestKit.Polling;
using Xunit.Abstractions;

namespace SecureMail.Reliability.Access;

/// <summary>Promise 6, logs: the service logging at Trace through imports (right and wrong passwords), signing and
/// encrypting, decrypting and verifying, and refused tokens; its whole console output holds no password, passphrase,
/// private key bytes, configured key or token signature. (Every other test's logs are searched for the keys and
/// tokens too, when its deployment is disposed.)</summary>
public class SecretsInLogsTests(ITestOutputHelper output)
{
    [ReliabilityFact]
    public async Task No_secret_appears_in_a_trace_level_log()
    {
        await using var deployment = await Deployment.StartAsync("secrets_in_logs", s => s with { LogLevel = "Trace" });
        var node = deployment.Node;
        var helpdesk = await Helpdesk.ConfigureAsync(node);
        var customer = await Helpdesk.ConfigureAsync(node);
        var identities = new[] { await Identities.ImportAsync(helpdesk, node), await Identities.ImportAsync(customer, node) };
        foreach (var secret in identities.SelectMany(i => i.Secrets()))
            deployment.MustNeverLog(secret);
        // What the mail says, composed and decrypted: Marten's own logger wrote it with every event at Debug.
        deployment.MustNeverLog(SeedMail.Body.Split('\n')[1]);

        using var admin = node.Client("admin");
        var identity = identities[0];
        await Helpdesk.Expect(await admin.PostAsync("/api/v1/keystore/smime/private-keys",
            Identities.Form(identity.Certificate.ToPkcs12(identity.Password), "password", identity.Password + "-wrong")), HttpStatusCode.UnprocessableEntity);
        await Helpdesk.Expect(await admin.PostAsync("/api/v1/keystore/pgp/keys",
            Identities.Form(Encoding.ASCII.GetBytes(identity.PgpKey.SecretKeyArmored()), "passphrase", identity.PgpKey.Passphrase + "-wrong")), HttpStatusCode.UnprocessableEntity);
        await Helpdesk.Expect(await admin.PostAsync("/api/v1/keystore/smime/private-keys",
            Identities.Form(Encoding.ASCII.GetBytes(identity.Certificate.EncryptedPrivateKeyPem(identity.Password)), "password", identity.Password)), HttpStatusCode.Conflict);
        var seeds = await SeedMail.BuildAsync(node, recipient: helpdesk, sender: customer);
        using var mailer = node.Client("mailer");
        var received = new List<Guid>();
        foreach (var seed in seeds)
        {
            var response = await InboundMail.Post(mailer, seed);
            await Helpdesk.Expect(response, HttpStatusCode.Accepted);
            received.Add((await Helpdesk.Ids(response)).ArticleId);
        }
        await Eventually.Until(() => deployment.Store.ArticleIdsOf("article_decrypted"), ids => received.Count(ids.Contains) == 3,
            Scale.Wait(TimeSpan.FromSeconds(20)), ids => $"{received.Count(ids.Contains)} of 3 encrypted seeds decrypted");
        using var forged = node.Client(null);
        forged.DefaultRequestHeaders.Authorization = new("Bearer", node.Tokens.For("admin", key: new string('x', 64)));
        Assert.Equal(HttpStatusCode.Unauthorized, (await forged.GetAsync("/api/v1/keystore/smime/certificates")).StatusCode);
        using var agent = node.Client("agent");
        await Helpdesk.Expect(await agent.PostAsJsonAsync("/api/v1/security-options", new { group = helpdesk.Name, to = new[] { customer.Address } }), HttpStatusCode.OK);

        var log = node.Log();
        new Figures(output, "secrets-in-logs").Report(
            $"{log.Split('\n').Length} log lines ({log.Length / 1024} kB, {log.Split('\n').Count(l => l.Contains(" trce: "))} at Trace) searched for " +
            $"{identities.SelectMany(i => i.Secrets()).Count()} spellings of passwords, passphrases and private keys, the 3 configured keys and {node.Tokens.Signatures.Count()} token signatures: " +
            $"{deployment.LeakedSecrets().Count} found");
        Assert.Contains(" trce: ", log);
        Assert.Contains("/api/v1/keystore/smime/private-keys", log);
        Assert.Empty(deployment.LeakedSecrets());
    }
}
