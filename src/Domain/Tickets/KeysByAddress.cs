using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>The keys held for each address, as loaded for one decision. An address's own keys always win: keys aliased to
/// its domain count only for an address with no key of its own in that system at all, expired, revoked or weak included, since such a
/// key says the address has an owner who reads with it, and mail to that owner must not quietly go to the domain's key.</summary>
public sealed class KeysByAddress(IEnumerable<KeyCandidate> keys)
{
    public static readonly KeysByAddress None = new([]);

    private readonly ILookup<EmailAddress, KeyCandidate> byAddress = keys.GroupBy(k => (k.Email, k.System))
        .SelectMany(held => held.Any(k => k.DomainAlias is null) ? held.Where(k => k.DomainAlias is null) : held)
        .ToLookup(k => k.Email);

    public IReadOnlyList<KeyCandidate> Of(EmailAddress address) => byAddress[address].ToList();

    public KeysByAddress For(MailSecuritySystem system) => new(byAddress.SelectMany(g => g).Where(k => k.System == system));
}
