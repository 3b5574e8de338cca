using SecureMail.Domain.Common;
using SecureMail.Application.Keystore;

namespace SecureMail.Api.Http;

public sealed record KeystoreChangeResponse(IReadOnlyList<KeystoreChangeItem> Items);

public static class Replies
{
    /// <summary>201 with what was imported, or the problem; <paramref name="location"/> makes the Location of the first new item.</summary>
    public static IResult Created(KeystoreChange change, Func<string, string> location) =>
        change.Rejection is { } rejection
            ? Problems.From(rejection)
            : Results.Created(location(change.Items[0].Fingerprint), new KeystoreChangeResponse(change.Items));

    public static IResult Removed(KeystoreChange change) => Changed(change);

    /// <summary>204, or the problem.</summary>
    public static IResult Changed(KeystoreChange change) =>
        change.Rejection is { } rejection ? Problems.From(rejection) : Results.NoContent();
}

public static class DecisionReplies
{
    public static IResult Reply<T>(this SecureMail.Domain.Common.Decision<T> decision, Func<T, IResult> success) where T : class =>
        decision.Rejection is { } rejection ? Problems.From(rejection) : success(decision.Value!);
}
