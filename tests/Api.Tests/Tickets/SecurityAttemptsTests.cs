using Marten;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Inbound;

namespace SecureMail.Api.Tests.Tickets;

/// <summary>The attempt count of a security process, on the service's store: a run that ends in an error uses its attempt
/// up, a run that a database outage or a write conflict breaks off does not, and a restart forgets the difference.</summary>
[Collection(RunningService.Name)]
public class SecurityAttemptsTests(ServiceFixture service)
{
    private readonly IDocumentStore store = service.Host.Services.GetRequiredService<IDocumentStore>();

    [Fact]
    public async Task Only_runs_that_end_for_the_messages_own_reasons_use_up_an_attempt()
    {
        var attempts = new SecurityAttempts(store);
        var article = Guid.NewGuid();

        var first = await Begin(attempts, article);
        attempts.Ended(article, new NpgsqlException("the database went away", new IOException()));
        var afterOutage = await Begin(attempts, article);
        attempts.Ended(article, new JasperFx.ConcurrencyException("another writer came first", null));
        var afterConflict = await Begin(attempts, article);
        attempts.Ended(article, new InvalidOperationException("the message broke the reader"));
        var afterError = await Begin(attempts, article);
        var afterCrash = await Begin(new SecurityAttempts(store), article);

        Assert.Equal([1, 1, 1, 2, 3], [first, afterOutage, afterConflict, afterError, afterCrash]);
    }

    [Fact]
    public async Task An_outcome_starts_the_count_again()
    {
        var attempts = new SecurityAttempts(store);
        var article = Guid.NewGuid();
        await Begin(attempts, article);
        await Begin(attempts, article);

        await using (var session = store.LightweightSession())
        {
            SecurityAttempts.Finish(session, article);
            await session.SaveChangesAsync();
        }

        Assert.Equal(1, await Begin(attempts, article));
    }

    /// <summary>As a handler begins a run: the count read in its session, the new run counted in a transaction of its own.</summary>
    private async Task<int> Begin(SecurityAttempts attempts, Guid article)
    {
        await using var session = store.LightweightSession();
        var (_, runs) = await SecurityAttempts.FetchAsync(session, Guid.NewGuid(), article, default);
        return await attempts.BeginAsync(article, runs, default);
    }
}
