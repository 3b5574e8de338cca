using System.Net.Mail;

namespace SecureMail.Api.Http;

public static class Addresses
{
    /// <summary>Bare addresses, lowercased; each one that is not an address is named in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? values, string field, IDictionary<string, string[]> errors)
    {
        var parsed = new List<string>();
        foreach (var value in values ?? [])
        {
            if (MailAddress.TryCreate(value?.Trim(), out var address) && address.DisplayName.Length == 0)
                parsed.Add(address.Address.ToLowerInvariant());
            else
                errors[field] = [.. errors.TryGetValue(field, out var known) ? known : [], $"\"{value}\" is not an e-mail address."];
        }
        return parsed;
    }
}
