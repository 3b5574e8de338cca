using System.Text;
using System.Text.RegularExpressions;

namespace SecureMail.Reliability.HostileInput;

/// <summary>Turns valid mail into hostile mail, deterministically from a seed: bit flips, truncation, byte noise, boundary
/// and header mangling, deep nesting, huge headers, broken base64, and splices of two messages.</summary>
public sealed partial class Mutations(int seed)
{
    private readonly Random _random = new(seed);

    public static readonly string[] Kinds =
        ["bit flips", "truncation", "byte noise", "boundary", "header", "deep nesting", "huge header", "base64", "splice"];

    public (string Kind, byte[] Mail) Next(IReadOnlyList<byte[]> seeds)
    {
        var kind = Kinds[_random.Next(Kinds.Length)];
        var mail = Apply(kind, seeds[_random.Next(seeds.Count)], seeds);
        // A second mutation now and then: defects rarely come alone.
        if (_random.Next(4) == 0)
            mail = Apply(Kinds[_random.Next(Kinds.Length)], mail, seeds);
        return (kind, mail);
    }

    private byte[] Apply(string kind, byte[] mail, IReadOnlyList<byte[]> seeds) => kind switch
    {
        "bit flips" => BitFlips(mail),
        "truncation" => mail[..Math.Max(1, _random.Next(mail.Length))],
        "byte noise" => ByteNoise(mail),
        "boundary" => Boundary(mail),
        "header" => Header(mail),
        "deep nesting" => Nest(mail, new[] { 20, 200, 1000, 5000 }[_random.Next(4)]),
        "huge header" => HugeHeader(mail),
        "base64" => Base64(mail),
        _ => Splice(mail, seeds[_random.Next(seeds.Count)]),
    };

    private byte[] Splice(byte[] head, byte[] tail) => [.. head[.._random.Next(head.Length)], .. tail[_random.Next(tail.Length)..]];

    private byte[] BitFlips(byte[] mail)
    {
        var copy = (byte[])mail.Clone();
        for (var i = _random.Next(1, 33); i > 0; i--)
            copy[_random.Next(copy.Length)] ^= (byte)(1 << _random.Next(8));
        return copy;
    }

    private byte[] ByteNoise(byte[] mail)
    {
        var bytes = mail.ToList();
        for (var i = _random.Next(1, 20); i > 0 && bytes.Count > 1; i--)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(3))
            {
                case 0: bytes.Insert(at, (byte)_random.Next(256)); break;
                case 1: bytes.RemoveAt(at); break;
                default: bytes[at] = new byte[] { 0, 0x0d, 0x0a, (byte)'-', (byte)'=', 0xff, (byte)':' }[_random.Next(7)]; break;
            }
        }
        return [.. bytes];
    }

    private byte[] Boundary(byte[] mail)
    {
        var text = Latin1(mail);
        var boundaries = BoundaryParameter().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        if (boundaries.Count == 0)
            return Header(mail);
        var boundary = boundaries[_random.Next(boundaries.Count)];
        return Encoding.Latin1.GetBytes(_random.Next(5) switch
        {
            0 => text.Replace($"--{boundary}--", ""),
            1 => ReplaceOne(text, $"--{boundary}", $"--{boundary}x"),
            2 => text.Replace($"boundary=\"{boundary}\"", "boundary=\"\"").Replace($"boundary={boundary}", "boundary="),
            3 => ReplaceOne(text, $"--{boundary}", $"--{boundary}\r\n--{boundary}\r\n--{boundary}--\r\n--{boundary}"),
            _ => text.Replace(boundary, new string('b', _random.Next(71, 5000))),
        });
    }

    private byte[] Header(byte[] mail)
    {
        var text = Latin1(mail);
        var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = end < 0 ? text : text[..end];
        var body = end < 0 ? "" : text[end..];
        var lines = head.Split("\r\n").ToList();
        var at = _random.Next(lines.Count);
        switch (_random.Next(8))
        {
            case 0: lines.Insert(at, lines[_random.Next(lines.Count)]); break;
            case 1: lines[at] = lines[at].Replace(":", ""); break;
            case 2: lines.Insert(at, "X-Control: \u0001\u0000\u00ff\u007f\u001b[31m"); break;
            case 3: lines.Insert(at, "Subject: =?x-unknown?B?////?= =?utf-8?Q?=ZZ=?= =?utf-8?B?"); break;
            case 4: lines.Insert(at, $"Content-Type: {new[] { "multipart/mixed", "application/pkcs7-mime; smime-type=enveloped-data", "multipart/signed; protocol=\"application/pgp-signature\"", "text/plain; charset=\"x-\u00ff\"" }[_random.Next(4)]}"); break;
            case 5: lines.Insert(at, "Content-Transfer-Encoding: x-uue-garbage"); break;
            case 6: lines.Insert(at, $"From: {string.Join(", ", Enumerable.Range(0, _random.Next(2, 300)).Select(i => $"\"name, {i}\" <u{i}@x{i}.example>"))}"); break;
            default: return Encoding.Latin1.GetBytes(head + "\r\n" + body.TrimStart('\r', '\n')); // the blank line is gone
        }
        return Encoding.Latin1.GetBytes(string.Join("\r\n", lines) + body);
    }

    private byte[] Nest(byte[] mail, int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
            builder.Append(i % 2 == 0 ? $"Content-Type: multipart/mixed; boundary=\"n{i}\"\r\n\r\n--n{i}\r\n" : "Content-Type: message/rfc822\r\n\r\n");
        var prefix = $"From: deep@nest.example\r\nTo: {ToOf(mail)}\r\nSubject: nested {depth}\r\nMIME-Version: 1.0\r\n";
        return [.. Encoding.Latin1.GetBytes(prefix + builder), .. mail];
    }

    private byte[] HugeHeader(byte[] mail) => _random.Next(3) switch
    {
        0 => [.. Encoding.ASCII.GetBytes($"X-Huge: {new string('h', _random.Next(100_000, 1_500_000))}\r\n"), .. mail],
        1 => [.. Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, _random.Next(1000, 20_000)).Select(i => $"X-Many-{i}: {i}\r\n"))), .. mail],
        _ => [.. Encoding.ASCII.GetBytes($"Subject: {string.Join("\r\n ", Enumerable.Repeat(new string('s', 900), _random.Next(10, 500)))}\r\n"), .. mail],
    };

    private byte[] Base64(byte[] mail)
    {
        var text = Latin1(mail);
        var lines = text.Split("\r\n");
        var encoded = lines.Select((line, index) => (line, index)).Where(l => l.line.Length >= 60 && Base64Line().IsMatch(l.line)).ToList();
        if (encoded.Count == 0)
            return BitFlips(mail);
        var (victim, at) = encoded[_random.Next(encoded.Count)];
        lines[at] = _random.Next(3) switch
        {
            0 => victim.Insert(_random.Next(victim.Length), "!*~"),
            1 => victim[..(victim.Length / 2)] + "====" + victim[(victim.Length / 2)..],
            _ => victim[.._random.Next(victim.Length)],
        };
        return Encoding.Latin1.GetBytes(string.Join("\r\n", lines));
    }

    private string ReplaceOne(string text, string find, string replacement)
    {
        var positions = Regex.Matches(text, Regex.Escape(find)).Select(m => m.Index).ToList();
        if (positions.Count == 0)
            return text;
        var at = positions[_random.Next(positions.Count)];
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    private static string ToOf(byte[] mail) => ToHeader().Match(Latin1(mail)) is { Success: true } match ? match.Groups[1].Value.Trim() : "nobody@example.com";

    // Latin-1 maps every byte to one char and back, so text edits keep the bytes they do not touch.
    private static string Latin1(byte[] mail) => Encoding.Latin1.GetString(mail);

    [GeneratedRegex("boundary=\"?([^\";\\r\\n]+)\"?", RegexOptions.IgnoreCase)]
    private static partial Regex BoundaryParameter();

    [GeneratedRegex("^[A-Za-z0-9+/=]+$")]
    private static partial Regex Base64Line();

    [GeneratedRegex("^To:(.*)$", RegexOptions.Multiline)]
    private static partial Regex ToHeader();
}
