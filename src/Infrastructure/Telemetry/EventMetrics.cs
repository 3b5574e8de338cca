using Marten;
using Marten.Services;
using SecureMail.Domain.Inbound;
using SecureMail.Domain.Tickets;

namespace SecureMail.Infrastructure.Telemetry;

/// <summary>Counts what the committed events say happened, so that no handler has to know about metrics. Runs after the
/// commit: a rolled-back change counts for nothing, and a failure here never undoes one.</summary>
public sealed class EventMetrics(SecureMailMetrics metrics) : DocumentSessionListenerBase
{
    public const string Succeeded = "success";
    public const string Failed = "failure";

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        foreach (var e in commit.GetEvents())
            Count(e.Data);
        return Task.CompletedTask;
    }

    private void Count(object data)
    {
        switch (data)
        {
            case ArticleComposed composed:
                metrics.Composed(composed.Security);
                break;
            case ArticleSigned signed:
                metrics.SecurityOutcome("sign", signed.System, Succeeded, "ok");
                break;
            case ArticleEncrypted encrypted:
                metrics.SecurityOutcome("encrypt", encrypted.System, Succeeded, "ok");
                break;
            case ArticleDecrypted decrypted:
                metrics.SecurityOutcome("decrypt", decrypted.System, Succeeded, "ok");
                break;
            case DecryptionFailed failed:
                metrics.SecurityOutcome("decrypt", failed.System, Failed, FailureCodes.Of(failed));
                break;
            case SignatureVerified verified:
                metrics.SecurityOutcome("verify", verified.System, Succeeded, "ok");
                break;
            case SignatureVerificationFailed failed:
                metrics.SecurityOutcome("verify", failed.System, Failed, FailureCodes.Of(failed));
                break;
            case SecurityProcessAbandoned abandoned:
                metrics.SecurityOutcome("process", null, "abandoned", FailureCodes.Of(abandoned));
                break;
            case ArticleDelivered delivered:
                metrics.Delivery("delivered", delivered.Attempts);
                break;
            case ArticleDeliveryFailed failed:
                metrics.Delivery("failed", failed.Attempts);
                break;
        }
    }
}
