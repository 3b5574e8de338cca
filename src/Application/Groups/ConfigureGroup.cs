using SecureMail.Domain.Common;
using Marten;
using SecureMail.Application.Common;
using SecureMail.Domain.Groups;

namespace SecureMail.Application.Groups;

public sealed record ConfigureGroup(string Name, string EmailAddress, SecurityDefaults Smime, SecurityDefaults Pgp, string Actor);

public static class ConfigureGroupHandler
{
    public static async Task<Decision<Group>> Handle(ConfigureGroup command, IDocumentSession session, TimeProvider clock, CancellationToken cancellation)
    {
        var stream = await session.Events.FetchForWriting<Group>(Group.IdFor(command.Name), cancellation);
        var decision = Group.Configure(stream.Aggregate, command.Name, command.EmailAddress, command.Smime, command.Pgp, command.Actor, clock.GetUtcNow());
        if (decision.Rejection is { } rejection)
            return Decision<Group>.Reject(rejection);
        stream.AppendMany(decision.Events);
        var group = decision.Events.OfType<GroupConfigured>().Select(Group.Configured).LastOrDefault() ?? stream.Aggregate!;
        return Decision<Group>.Accept(group);
    }
}
