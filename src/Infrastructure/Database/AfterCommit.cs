using Marten;
using Marten.Services;

namespace SecureMail.Infrastructure.Database;

/// <summary>Memory that must follow the database: an action run once the session's transaction has committed, never when
/// it rolls back.</summary>
public static class AfterCommit
{
    public static void Run(IDocumentSession session, Action action) => session.Listeners.Add(new Listener(action));

    private sealed class Listener(Action action) : DocumentSessionListenerBase
    {
        public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
        {
            action();
            return Task.CompletedTask;
        }
    }
}
