using SecureMail.Api.Http;
using SecureMail.Application.Keystore.Listing;

namespace SecureMail.Api.Keystore;

/// <summary>The page and limit every keystore list takes (defaults 1 and 50, at most 200 a page). They arrive as text so
/// that "abc" or "-1" is a 400 that says so, not silently the default.</summary>
public static class ListParameters
{
    public static async Task<IResult> Answer<T>(string? page, string? limit, Func<PageRequest, Task<ListPage<T>>> list)
    {
        var (request, problem) = PageRequest.Parse(page, limit);
        return request is null
            ? Problems.Problem(StatusCodes.Status400BadRequest, "Bad page", problem!)
            : Results.Ok(await list(request));
    }
}
