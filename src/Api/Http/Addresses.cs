using SecureMail.Domain.Common;

namespace SecureMail.Api.Http;

public static class Addresses
{
    /// <summary>Bare addresses in <see cref="EmailAddress"/>'s form; each one that is not an address is named in <paramref name="errors"/>.</summary>
    public static IReadOnlyList<string> Parse(IEnumerable<string>? values, string field, IDictionary<string, string[]> errors)
    {
        var parsed = new List<string>();
        foreach (var value in values ?? [])
        {
            if (EmailAddress.Parse(value) is { } address)
                parsed.Add(address.Value);
            else
                errors[field] = [.. errors.TryGetValue(field, out var known) ? known : [], $"\"{value}\" is not an e-mail address."];
        }
        return parsed;
    }
}
