using System.Net;
using System.Net.Http.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Api.Tests.Support;
using SecureMail.Application;
using SecureMail.Application.Groups;
using SecureMail.Application.Settings;
using SecureMail.Domain.Groups;
using SecureMail.TestKit.Polling;

namespace SecureMail.Api.Tests.Settings;

/// <summary>Groups and settings are served from memory, and a change reaches every node: at once on the node that made it,
/// within the check interval on any other.</summary>
[Collection(RunningService.Name)]
public class GroupsAndSettingsInMemoryTests(ServiceFixture service)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private readonly string name = $"Memory {Guid.NewGuid():N}";
    private IDocumentStore Store => service.Host.Services.GetRequiredService<IDocumentStore>();
    private IGroupsAndSettings Memory => service.Host.Services.GetRequiredService<IGroupsAndSettings>();

    [Fact]
    public async Task A_group_read_once_is_served_without_a_query_and_a_change_on_this_node_is_seen_at_once()
    {
        await Configure("first@example.org");
        var first = await Eventually.Until(() => Read(), read => read.Requests == 0, TimeSpan.FromSeconds(10),
            read => $"a read served from memory; the last made {read.Requests} requests");
        Assert.Equal("first@example.org", first.Group!.EmailAddress);

        await Configure("second@example.org");

        var afterChange = await Read();
        Assert.Equal("second@example.org", afterChange.Group!.EmailAddress);
    }

    [Fact]
    public async Task A_change_committed_by_another_node_is_seen_within_the_check_interval()
    {
        await Configure("first@example.org");
        await Eventually.Until(() => Read(), read => read.Requests == 0, TimeSpan.FromSeconds(10), read => "the group held in memory");

        await ConfigureOnAnotherNode(name, "elsewhere@example.org");

        var seen = await Eventually.Until(() => Read(), read => read.Group?.EmailAddress == "elsewhere@example.org", Interval * 5,
            read => $"the other node's address; still {read.Group?.EmailAddress}");
        Assert.Equal("elsewhere@example.org", seen.Group!.EmailAddress);
    }

    [Fact]
    public async Task Every_group_is_served_from_memory_for_inbound_mail_and_a_group_another_node_adds_is_seen_within_the_check_interval()
    {
        await Configure("first@example.org");
        await Eventually.Until(() => ReadGroups(), read => read.Requests == 0 && read.Groups.Any(g => g.Name == name), TimeSpan.FromSeconds(10),
            read => $"every group served from memory; the last read made {read.Requests} requests");

        var added = $"Added {Guid.NewGuid():N}";
        await ConfigureOnAnotherNode(added, "added@example.org");

        var seen = await Eventually.Until(() => ReadGroups(), read => read.Groups.Any(g => g.Name == added), Interval * 5,
            read => $"the group the other node added; {read.Groups.Count} groups held");
        Assert.Equal("added@example.org", seen.Groups.Single(g => g.Name == added).EmailAddress);
    }

    /// <summary>Commits the change through a store of its own, as another node would: this node's session listener never sees it.</summary>
    private static async Task ConfigureOnAnotherNode(string group, string address)
    {
        using var otherNode = DocumentStore.For(options =>
        {
            options.Connection(ServiceFixture.ConnectionString);
            options.DatabaseSchemaName = ServiceFixture.Schema;
            StoreConfiguration.Apply(options);
        });
        await using var session = otherNode.LightweightSession();
        var changed = await ConfigureGroupHandler.Handle(new ConfigureGroup(group, address, SecurityDefaults.WheneverPossible,
            SecurityDefaults.WheneverPossible, "test-admin"), session, TimeProvider.System, CancellationToken.None);
        Assert.NotNull(changed.Value);
        await session.SaveChangesAsync();
    }

    private async Task Configure(string address) =>
        Assert.True((await service.Client("admin").PutAsJsonAsync($"/api/v1/groups/{Uri.EscapeDataString(name)}", new { emailAddress = address }))
            .StatusCode is HttpStatusCode.OK or HttpStatusCode.Created or HttpStatusCode.NoContent);

    private async Task<(Group? Group, int Requests)> Read()
    {
        await using var session = Store.QuerySession();
        var (group, _) = await Memory.LoadAsync(session, name, CancellationToken.None);
        return (group, session.RequestCount);
    }

    private async Task<(IReadOnlyList<Group> Groups, int Requests)> ReadGroups()
    {
        await using var session = Store.QuerySession();
        var groups = await Memory.GroupsAsync(session, CancellationToken.None);
        return (groups, session.RequestCount);
    }
}
