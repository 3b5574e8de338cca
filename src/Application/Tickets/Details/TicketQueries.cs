using Marten;
using Marten.Pagination;

namespace SecureMail.Application.Tickets.Details;

public sealed record TicketSummary(Guid Id, string Group, string Customer, string Subject, int Articles, long Version, DateTimeOffset UpdatedAt);

public sealed record TicketPage(IReadOnlyList<TicketSummary> Tickets, int Page, int PageSize, long Total);

public static class TicketQueries
{
    public const int PageSize = 50;

    public static async Task<TicketPage> List(IQuerySession session, string? customer, string? group, int page, CancellationToken cancellation)
    {
        var query = session.Query<TicketDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(customer))
        {
            var address = customer.Trim().ToLowerInvariant();
            query = query.Where(t => t.Customer == address);
        }
        if (!string.IsNullOrWhiteSpace(group))
            query = query.Where(t => t.Group == group);
        var paged = await query.OrderByDescending(t => t.UpdatedAt).ToPagedListAsync(Math.Max(page, 1), PageSize, cancellation);
        return new TicketPage(
            paged.Select(t => new TicketSummary(t.Id, t.Group, t.Customer, t.Subject, t.Articles.Count, t.TicketVersion, t.UpdatedAt)).ToList(),
            Math.Max(page, 1), PageSize, paged.TotalItemCount);
    }
}
