using SecureMail.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Accounts;
using SecureMail.Application.Common;
using SecureMail.Domain.Accounts;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Accounts;

public sealed record UserView(Guid Id, string Name, IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset CreatedAt)
{
    public static UserView From(UserAccount account) => new(account.Id, account.Name, account.Roles, account.Disabled, account.CreatedAt);
}

public sealed record NewUserRequest(string? Name, string? Role, string? Password);

public sealed record PasswordRequest(string? Password);

public static class UserEndpoints
{
    private const string Route = "/api/v1/users";
    private const string Problem = "application/problem+json";

    [WolverineGet(Route), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Every user account")]
    public static async Task<IReadOnlyList<UserView>> List(IQuerySession session, CancellationToken cancellation) =>
        (await session.Query<UserAccount>().OrderBy(a => a.Name).ToListAsync(cancellation)).Select(UserView.From).ToList();

    [WolverineGet(Route + "/{name}"), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("One user account by name (case-insensitive)")]
    [ProducesResponseType<UserView>(200), ProducesResponseType<ProblemDetails>(404, Problem)]
    public static async Task<IResult> Get(string name, IQuerySession session, CancellationToken cancellation) =>
        AccountRules.CheckName(name) is null && await session.LoadAsync<UserAccount>(UserAccount.IdFor(name), cancellation) is { } account
            ? Results.Ok(UserView.From(account))
            : Problems.NotFound($"There is no account named {name}.");

    [WolverinePost(Route), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Create a user account with one role (admin, agent or auditor) and a password of at least 12 characters")]
    [ProducesResponseType<UserView>(201), ProducesResponseType<ProblemDetails>(409, Problem), ProducesResponseType<ProblemDetails>(422, Problem)]
    public static async Task<IResult> Create(NewUserRequest request, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        (await bus.InvokeAsync<Decision<UserAccount>>(new CreateUserAccount(request.Name, request.Role, request.Password, context.ActorName()), cancellation))
            .Reply(account => Results.Created($"{Route}/{Uri.EscapeDataString(account.Name)}", UserView.From(account)));

    [WolverinePut(Route + "/{name}/roles/{role}"), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Grant a role; its sessions carry it from their next request")]
    [ProducesResponseType<UserView>(200), ProducesResponseType<ProblemDetails>(404, Problem), ProducesResponseType<ProblemDetails>(422, Problem)]
    public static Task<IResult> Grant(string name, string role, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Change(bus, new GrantUserRole(name, role, context.ActorName()), cancellation);

    [WolverineDelete(Route + "/{name}/roles/{role}"), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Revoke a role; its sessions lose it from their next request")]
    [ProducesResponseType<UserView>(200), ProducesResponseType<ProblemDetails>(404, Problem), ProducesResponseType<ProblemDetails>(422, Problem)]
    public static Task<IResult> Revoke(string name, string role, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Change(bus, new RevokeUserRole(name, role, context.ActorName()), cancellation);

    [WolverinePost(Route + "/{name}/disable"), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Disable an account: it cannot sign in, and its sessions end")]
    [ProducesResponseType<UserView>(200), ProducesResponseType<ProblemDetails>(404, Problem)]
    public static Task<IResult> Disable(string name, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Change(bus, new DisableUserAccount(name, context.ActorName()), cancellation);

    [WolverinePost(Route + "/{name}/enable"), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Enable a disabled account again")]
    [ProducesResponseType<UserView>(200), ProducesResponseType<ProblemDetails>(404, Problem)]
    public static Task<IResult> Enable(string name, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Change(bus, new EnableUserAccount(name, context.ActorName()), cancellation);

    [WolverinePut(Route + "/{name}/password"), Authorize(Roles = Roles.Admin), Tags("Users")]
    [EndpointSummary("Set an account's password (at least 12 characters); its sessions end")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(404, Problem), ProducesResponseType<ProblemDetails>(422, Problem)]
    public static async Task<IResult> SetPassword(string name, PasswordRequest request, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        (await bus.InvokeAsync<Decision<UserAccount>>(new SetUserPassword(name, request.Password, context.ActorName()), cancellation))
            .Reply(_ => Results.NoContent());

    private static async Task<IResult> Change(IMessageBus bus, object command, CancellationToken cancellation) =>
        (await bus.InvokeAsync<Decision<UserAccount>>(command, cancellation)).Reply(account => Results.Ok(UserView.From(account)));
}
