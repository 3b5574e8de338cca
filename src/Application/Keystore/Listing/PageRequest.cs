using System.Globalization;
using Marten;

namespace SecureMail.Application.Keystore.Listing;

/// <summary>One page of a keystore list: page 1 first.</summary>
public sealed record PageRequest(int Page, int Limit)
{
    public const int DefaultLimit = 50, MaxLimit = 200;

    public static readonly PageRequest First = new(1, DefaultLimit);

    public int Skip => (Page - 1) * Limit;

    /// <summary>Query-string values as clients send them; null when absent. The problem says what is wrong, in words.</summary>
    public static (PageRequest? Request, string? Problem) Parse(string? page, string? limit)
    {
        var number = Number(page, 1);
        var size = Number(limit, DefaultLimit);
        if (number is not >= 1 || number > int.MaxValue / MaxLimit)
            return (null, $"page must be a whole number from 1 (it is \"{page}\").");
        if (size is not (>= 1 and <= MaxLimit))
            return (null, $"limit must be a whole number from 1 to {MaxLimit} (it is \"{limit}\").");
        return (new PageRequest(number.Value, size.Value), null);
    }

    private static int? Number(string? text, int absent) =>
        text is null ? absent : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;
}

/// <summary>A page of a list with the number of all its items.</summary>
public sealed record ListPage<T>(IReadOnlyList<T> Items, int Total, int Page, int Limit)
{
    public static ListPage<T> Of(IReadOnlyCollection<T> all, PageRequest request) =>
        new(all.Skip(request.Skip).Take(request.Limit).ToList(), all.Count, request.Page, request.Limit);

    public ListPage<TView> Select<TView>(Func<T, TView> view) => new(Items.Select(view).ToList(), Total, Page, Limit);
}

public static class Paging
{
    /// <summary>One page and the number of all matches, in one round trip.</summary>
    public static async Task<ListPage<T>> ToPageAsync<T>(this IQueryable<T> query, PageRequest page, CancellationToken cancellation) where T : notnull
    {
        var items = await query.Stats(out var statistics).Skip(page.Skip).Take(page.Limit).ToListAsync(cancellation);
        return new ListPage<T>(items, (int)statistics.TotalResults, page.Page, page.Limit);
    }
}
