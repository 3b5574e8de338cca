using SecureMail.Domain.Common;
using SecureMail.Domain.Settings;

namespace SecureMail.Domain.Tickets;

/// <summary>The keys held for each address, as loaded for one decision.</summary>
public sealed class KeysByAddress(IEnumerable<KeyCandidate> keys)
{
    public static readonly KeysByAddress None = new([]);

    private readonly ILookup<EmailAddress, KeyCandidate> byAddress = keys.ToLookup(k => k.Email);

    public IReadOnlyList<KeyCandidate> Of(EmailAddress address) => byAddress[address].ToList();

    public KeysByAddress For(MailSecuritySystem system) => new(byAddress.SelectMany(g => g).Where(k => k.System == system));
}
