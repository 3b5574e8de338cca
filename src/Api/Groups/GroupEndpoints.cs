using SecureMail.Domain.Common;
using System.Net.Mail;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Common;
using SecureMail.Application.Groups;
using SecureMail.Domain.Groups;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Groups;

public sealed record GroupDefaults(SecurityDefaults? Smime, SecurityDefaults? Pgp);

public sealed record GroupRequest(string? EmailAddress, GroupDefaults? Defaults);

public sealed record GroupView(string Name, string EmailAddress, GroupDefaults Defaults)
{
    public static GroupView From(Group group) => new(group.Name, group.EmailAddress, new GroupDefaults(group.Smime, group.Pgp));
}

public static class GroupEndpoints
{
    private const string Route = "/api/v1/groups";

    [WolverinePut(Route + "/{name}"), Authorize(Roles = Roles.Admin), Tags("Groups")]
    [EndpointSummary("Configure a group: its sending address and, per system, default sign/encrypt (null: whenever possible)")]
    [ProducesResponseType<GroupView>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    public static async Task<IResult> Put(string name, GroupRequest request, HttpContext context, IMessageBus bus, CancellationToken cancellation)
    {
        if (!MailAddress.TryCreate(request.EmailAddress?.Trim(), out var address) || address.DisplayName.Length > 0)
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["emailAddress"] = ["The group needs its sending e-mail address."] });
        var command = new ConfigureGroup(name, address.Address, request.Defaults?.Smime ?? SecurityDefaults.WheneverPossible,
            request.Defaults?.Pgp ?? SecurityDefaults.WheneverPossible, context.ActorName());
        return (await bus.InvokeAsync<Decision<Group>>(command, cancellation)).Reply(group => Results.Ok(GroupView.From(group)));
    }

    [WolverineGet(Route), Authorize(Roles = Roles.Everyone), Tags("Groups")]
    [EndpointSummary("Every group")]
    public static async Task<IReadOnlyList<GroupView>> List(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<Group>().OrderBy(g => g.Name).ToListAsync(cancellation)).Select(GroupView.From).ToList();

    [WolverineGet(Route + "/{name}"), Authorize(Roles = Roles.Everyone), Tags("Groups")]
    [EndpointSummary("One group by name (case-insensitive)")]
    [ProducesResponseType<GroupView>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(string name, IQuerySession session, CancellationToken cancellation) =>
        await session.LoadAsync<Group>(Group.IdFor(name), cancellation) is { } group
            ? Results.Ok(GroupView.From(group))
            : Problems.NotFound($"There is no group named \"{name}\".");
}
