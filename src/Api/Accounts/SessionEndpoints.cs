using SecureMail.Domain.Common;
using Marten;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
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

public sealed record SignInRequest(string? Name, string? Password);

/// <param name="AntiforgeryToken">For the X-CSRF-Token header of every changing request made with the cookie; null for a
/// bearer token, which needs none.</param>
public sealed record SessionView(string Name, IReadOnlyList<string> Roles, string? AntiforgeryToken);

public sealed record OwnPasswordRequest(string? Password, string? CurrentPassword);

public static class SessionEndpoints
{
    public const string Route = "/api/v1/session";

    [WolverinePost(Route), AllowAnonymous, Tags("Session")]
    [EndpointSummary("Sign in with a local account: sets the session cookie and returns the anti-forgery token")]
    [ProducesResponseType<SessionView>(200), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(401, "application/problem+json"), ProducesResponseType<ProblemDetails>(429, "application/problem+json")]
    public static async Task<IResult> SignIn(SignInRequest request, HttpContext context, IDocumentSession session, Credentials credentials,
        SignInThrottle throttle, IAntiforgery antiforgery, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(request.Name) || string.IsNullOrEmpty(request.Password))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["name"] = ["Sign in with a name and a password."] });
        var address = ClientAddress(context);
        if (throttle.RetryAfter(request.Name, address) is { } wait)
            return TooManyFailures(context, wait);
        if (await credentials.CheckAsync(session, request.Name, request.Password, cancellation) is not { } account)
        {
            throttle.Failed(request.Name, address);
            return Problems.Problem(StatusCodes.Status401Unauthorized, "Sign-in failed", "The name or password is wrong, or the account is disabled.");
        }
        throttle.Succeeded(request.Name);
        var principal = SessionCookie.PrincipalFor(account);
        await context.SignInAsync(SessionCookie.Scheme, principal);
        // The anti-forgery token is bound to the signed-in user: made for the anonymous caller, it would not pass.
        context.User = principal;
        return Results.Ok(new SessionView(account.Name, account.Roles, antiforgery.GetAndStoreTokens(context).RequestToken));
    }

    [WolverineGet(Route), Authorize(Roles = Roles.Everyone), Tags("Session")]
    [EndpointSummary("Who is signed in, with a fresh anti-forgery token (null for a bearer token)")]
    public static SessionView Get(HttpContext context, IAntiforgery antiforgery) => new(
        context.ActorName(),
        [.. context.User.FindAll("role").Select(c => c.Value)],
        AuthenticationSetup.CarriesBearerToken(context.Request) ? null : antiforgery.GetAndStoreTokens(context).RequestToken);

    [WolverineDelete(Route), Authorize(Roles = Roles.Everyone), Tags("Session")]
    [EndpointSummary("Sign out: the session cookie is cleared")]
    [ProducesResponseType(204)]
    public static async Task<IResult> SignOut(HttpContext context)
    {
        await context.SignOutAsync(SessionCookie.Scheme);
        return Results.NoContent();
    }

    [WolverinePut(Route + "/password"), Authorize(Roles = Roles.Everyone), Tags("Session")]
    [EndpointSummary("Change your own password, giving the current one; other sessions of the account end")]
    [ProducesResponseType(204), ProducesResponseType<ProblemDetails>(400, "application/problem+json")]
    [ProducesResponseType<ProblemDetails>(422, "application/problem+json"), ProducesResponseType<ProblemDetails>(429, "application/problem+json")]
    public static async Task<IResult> ChangeOwnPassword(OwnPasswordRequest request, HttpContext context, IDocumentSession session, Credentials credentials,
        SignInThrottle throttle, IMessageBus bus, CancellationToken cancellation)
    {
        if (string.IsNullOrEmpty(request.CurrentPassword))
            return Results.ValidationProblem(new Dictionary<string, string[]> { ["currentPassword"] = ["Give the current password."] });
        var name = context.ActorName();
        var address = ClientAddress(context);
        if (throttle.RetryAfter(name, address) is { } wait)
            return TooManyFailures(context, wait);
        if (await credentials.CheckAsync(session, name, request.CurrentPassword, cancellation) is null)
        {
            throttle.Failed(name, address);
            return Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Refused", "The current password is wrong.");
        }
        var outcome = await bus.InvokeAsync<Decision<UserAccount>>(new SetUserPassword(name, request.Password, name), cancellation);
        if (outcome.Rejection is { } rejection)
            return Problems.From(rejection);
        // The new password version ends every session made before it, this one included: it gets a new cookie.
        if (!AuthenticationSetup.CarriesBearerToken(context.Request))
            await context.SignInAsync(SessionCookie.Scheme, SessionCookie.PrincipalFor(outcome.Value!));
        return Results.NoContent();
    }

    private static string ClientAddress(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    private static IResult TooManyFailures(HttpContext context, TimeSpan wait)
    {
        var seconds = (int)Math.Max(1, Math.Ceiling(wait.TotalSeconds));
        context.Response.Headers.RetryAfter = seconds.ToString();
        return Problems.Problem(StatusCodes.Status429TooManyRequests, "Too many failed sign-ins",
            $"Too many failed sign-ins for this name or from this address; try again in {seconds} seconds.");
    }
}
