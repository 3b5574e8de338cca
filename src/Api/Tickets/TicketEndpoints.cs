using Marten;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using SecureMail.Api.Auth;
using SecureMail.Api.Http;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Application.Messages;
using SecureMail.Application.Settings;
using SecureMail.Application.Tickets;
using SecureMail.Application.Tickets.Compose;
using SecureMail.Application.Tickets.Details;
using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;
using Wolverine;
using Wolverine.Http;

namespace SecureMail.Api.Tickets;

public static class TicketEndpoints
{
    private const string Route = "/api/v1/tickets";

    [WolverinePost(Route), Authorize(Roles = Roles.Agent), Tags("Tickets")]
    [EndpointSummary("Open a ticket with its first article, signed and/or encrypted as asked, and send it")]
    [ProducesResponseType<ComposedArticle>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"),
     ProducesResponseType<ComposeProblem>(422, "application/problem+json")]
    public static Task<IResult> Open(ComposeRequest request, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Compose(request, null, context, bus, cancellation);

    [WolverinePost(Route + "/{id}/articles"), Authorize(Roles = Roles.Agent), Tags("Tickets")]
    [EndpointSummary("Reply on a ticket; expectedVersion (optional) makes a stale view a 409")]
    [ProducesResponseType<ComposedArticle>(201), ProducesResponseType<ProblemDetails>(400, "application/problem+json"),
     ProducesResponseType<ComposeProblem>(404, "application/problem+json"), ProducesResponseType<ComposeProblem>(409, "application/problem+json"),
     ProducesResponseType<ComposeProblem>(422, "application/problem+json")]
    public static Task<IResult> Reply(Guid id, ComposeRequest request, HttpContext context, IMessageBus bus, CancellationToken cancellation) =>
        Compose(request, id, context, bus, cancellation);

    [WolverineGet(Route + "/{id}"), Authorize(Roles = Roles.Everyone), Tags("Tickets")]
    [EndpointSummary("A ticket with its articles and their security status; asOf (a timestamp) or version shows it as it was then")]
    [ProducesResponseType<TicketDetails>(200), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Get(Guid id, DateTimeOffset? asOf, long? version, IQuerySession session, CancellationToken cancellation)
    {
        var ticket = asOf is null && version is null
            ? await session.LoadAsync<TicketDetails>(id, cancellation)
            : await TicketTimeTravel.At(session, id, asOf, version, cancellation);
        return ticket is null ? Problems.NotFound($"There is no ticket {id}{(asOf is null && version is null ? "" : " at that moment")}.") : Results.Ok(ticket);
    }

    [WolverineGet(Route), Authorize(Roles = Roles.Everyone), Tags("Tickets")]
    [EndpointSummary("Tickets, newest activity first, 50 a page; filter by customer and group")]
    public static Task<TicketPage> List(string? customer, string? group, int? page, IQuerySession session, CancellationToken cancellation) =>
        TicketQueries.List(session, customer, group, page ?? 1, cancellation);

    [WolverineGet(Route + "/{id}/articles/{articleId}/raw"), Authorize(Roles = Roles.Everyone), Tags("Tickets")]
    [EndpointSummary("The article's message exactly as sent (message/rfc822)")]
    [ProducesResponseType<string>(200, "message/rfc822"), ProducesResponseType<ProblemDetails>(404, "application/problem+json")]
    public static async Task<IResult> Raw(Guid id, Guid articleId, IQuerySession session, IRawMessageStore messages, CancellationToken cancellation)
    {
        var ticket = await session.LoadAsync<TicketDetails>(id, cancellation);
        var raw = ticket?.Articles.Any(a => a.Id == articleId) == true ? await messages.LoadAsync(session, articleId, cancellation) : null;
        return raw is null ? Problems.NotFound($"There is no stored message for article {articleId} of ticket {id}.") : Results.Bytes(raw, "message/rfc822");
    }

    [WolverinePost("/api/v1/security-options"), Authorize(Roles = Roles.Agent), Tags("Tickets")]
    [EndpointSummary("What Sign and Encrypt can do for these recipients, per system that is on (S/MIME first)")]
    [ProducesResponseType<IReadOnlyList<SecurityOption>>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json"),
     ProducesResponseType<ComposeProblem>(404, "application/problem+json"), ProducesResponseType<ComposeProblem>(422, "application/problem+json")]
    public static async Task<IResult> SecurityOptions(SecurityOptionsBody body, IQuerySession session, IGroupsAndSettings groupsAndSettings,
        PgpDomainAliases aliases, TimeProvider clock, CancellationToken cancellation)
    {
        var errors = new Dictionary<string, string[]>();
        var to = Addresses.Parse(body.To, "to", errors);
        var cc = Addresses.Parse(body.Cc, "cc", errors);
        if (errors.Count > 0)
            return Results.ValidationProblem(errors);
        var options = await SecurityOptionsQuery.Ask(session, new SecurityOptionsRequest(body.Group, body.TicketId, to, cc), groupsAndSettings, aliases,
            clock.GetUtcNow(), cancellation);
        return options.Reply(Results.Ok);
    }

    private static async Task<IResult> Compose(ComposeRequest request, Guid? ticketId, HttpContext context, IMessageBus bus, CancellationToken cancellation)
    {
        var (command, errors) = request.ToCommand(ticketId, context.ActorName());
        if (command is null)
            return Results.ValidationProblem(errors);
        var composed = await bus.InvokeAsync<Decision<ComposedArticle>>(command, cancellation);
        return composed.Reply(article => Results.Created($"{Route}/{article.TicketId}", article));
    }
}

public sealed record SecurityOptionsBody(string? Group, Guid? TicketId, IReadOnlyList<string>? To, IReadOnlyList<string>? Cc);
