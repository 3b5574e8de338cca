using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Application.Messages;
using SecureMail.Infrastructure.Messages;

namespace SecureMail.Api.Tests.Messages;

/// <summary>The hand-over offers only what committed, and a reader gets the stored bytes whether it hits or misses.</summary>
[Collection(RunningService.Name)]
public class RawMessageHandOverTests(ServiceFixture service)
{
    private IDocumentStore Store => service.Host.Services.GetRequiredService<IDocumentStore>();
    private IRawMessageStore Messages => service.Host.Services.GetRequiredService<IRawMessageStore>();
    private RawMessageHandOver HandOver => service.Host.Services.GetRequiredService<RawMessageHandOver>();

    [Fact]
    public async Task A_committed_message_is_handed_over_once_and_then_read_from_the_table()
    {
        var (id, raw) = Message(1024);
        await using (var session = Store.LightweightSession())
        {
            Messages.Store(session, id, raw);
            Assert.Null(HandOver.Take(id));
            await session.SaveChangesAsync();
        }

        Assert.Equal(raw, HandOver.Take(id));
        Assert.Null(HandOver.Take(id));
        await using var query = Store.QuerySession();
        Assert.Equal(raw, await Messages.LoadAsync(query, id, CancellationToken.None));
    }

    [Fact]
    public async Task A_message_whose_transaction_failed_is_never_offered()
    {
        var (id, raw) = Message(1024);
        await using (var first = Store.LightweightSession())
        {
            Messages.Store(first, id, raw);
            await first.SaveChangesAsync();
        }
        HandOver.Take(id);

        var other = new byte[] { 1, 2, 3 };
        await using (var duplicate = Store.LightweightSession())
        {
            Messages.Store(duplicate, id, other);
            await Assert.ThrowsAnyAsync<Exception>(() => duplicate.SaveChangesAsync());
        }

        Assert.Null(HandOver.Take(id));
        await using var query = Store.QuerySession();
        Assert.Equal(raw, await Messages.LoadAsync(query, id, CancellationToken.None));
    }

    [Fact]
    public async Task A_large_message_is_not_kept_in_memory()
    {
        var (id, raw) = Message(RawMessageHandOver.MaxMessageBytes + 1);
        await using (var session = Store.LightweightSession())
        {
            Messages.Store(session, id, raw);
            await session.SaveChangesAsync();
        }

        Assert.Null(HandOver.Take(id));
        await using var query = Store.QuerySession();
        Assert.Equal(raw, await Messages.LoadAsync(query, id, CancellationToken.None));
    }

    private static (Guid Id, byte[] Raw) Message(int size)
    {
        var raw = new byte[size];
        Random.Shared.NextBytes(raw);
        return (Guid.CreateVersion7(), raw);
    }
}
