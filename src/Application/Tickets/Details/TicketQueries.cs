using System.Text.Json.Serialization;
using Marten;
using Marten.Pagination;
using SecureMail.Application.Common;
using SecureMail.Domain.Common;
using SecureMail.Domain.Tickets;

namespace SecureMail.Application.Tickets.Details;

/// <param name="LastArticle">The newest article's status, what the list shows of it; null for a ticket without articles.</param>
public sealed record TicketSummary(Guid Id, string Group, string Customer, string Subject, int Articles, long Version, DateTimeOffset UpdatedAt,
    LastArticleView? LastArticle);

/// <summary>An article as a list shows it: which way it went, its security and its delivery, no content.</summary>
public sealed record LastArticleView(Guid Id, [property: JsonConverter(typeof(CamelCaseEnum<ArticleDirection>))] ArticleDirection Direction,
    DateTimeOffset CreatedAt, ArticleSecurityView? Security, DeliveryView? Delivery, bool AwaitsKey)
{
    public static LastArticleView Of(ArticleView article) =>
        new(article.Id, article.Direction, article.CreatedAt, article.Security, article.Delivery, article.AwaitsKey);
}

public sealed record TicketPage(IReadOnlyList<TicketSummary> Tickets, int Page, int PageSize, long Total);

public static class TicketQueries
{
    public const int PageSize = 50;

    public static async Task<TicketPage> List(IQuerySession session, string? customer, string? group, int page, CancellationToken cancellation)
    {
        var query = session.Query<TicketDetails>().AsQueryable();
        if (!string.IsNullOrWhiteSpace(customer))
        {
            var address = EmailAddress.Of(customer).Value;
            query = query.Where(t => t.Customer == address);
        }
        if (!string.IsNullOrWhiteSpace(group))
            query = query.Where(t => t.Group == group);
        var paged = await query.OrderByDescending(t => t.UpdatedAt).ToPagedListAsync(Math.Max(page, 1), PageSize, cancellation);
        return new TicketPage(
            paged.Select(t => new TicketSummary(t.Id, t.Group, t.Customer, t.Subject, t.Articles.Count, t.TicketVersion, t.UpdatedAt,
                t.Articles.Count == 0 ? null : LastArticleView.Of(t.Articles[^1]))).ToList(),
            Math.Max(page, 1), PageSize, paged.TotalItemCount);
    }
}
