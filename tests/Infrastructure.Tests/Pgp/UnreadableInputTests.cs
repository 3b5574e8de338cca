using System.Text;
using SecureMail.Application.Keystore;
using SecureMail.Application.Keystore.Pgp;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

public sealed class UnreadableInputTests
{
    private static readonly PgpTestKey Key = PgpTestKeys.Create("Mallory", "mallory@example.com");
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    private const string Damaged = "The data is not a readable OpenPGP key: it is damaged, truncated or malformed.";

    public static TheoryData<string, string> Cases() => new()
    {
        { "empty", "The data is empty." },
        { "text", "The data holds no OpenPGP key." },
        { "random", Damaged },
        { "truncated armor", Damaged },
        { "truncated binary", Damaged },
        { "broken checksum", Damaged },
        { "armor without body", Damaged },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_that_is_not_a_key_is_unreadable_and_says_why(string name, string reason)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(Input(name), null));

        Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
        Assert.Equal(reason, rejected.Message);
    }

    [Fact]
    public void Damaged_keys_are_rejected_or_keep_only_the_identities_their_self_signatures_still_vouch_for()
    {
        var random = new Random(4880);
        var inputs = new[] { Key.PublicKeyBinary(), Key.SecretKeyRing.GetEncoded() };
        var accepted = new List<PgpKeyMaterial>();
        var rejected = new List<KeyMaterialRejected>();
        for (var i = 0; i < 120; i++)
        {
            var damaged = inputs[i % 2].ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);

            try
            {
                accepted.AddRange(_reader.ReadKeys(damaged, Key.Passphrase));
            }
            catch (KeyMaterialRejected rejection)
            {
                rejected.Add(rejection);
            }
        }

        Assert.NotEmpty(rejected);
        Assert.All(rejected, r => Assert.Contains(r.Problem, new[] { KeyMaterialProblem.Unreadable, KeyMaterialProblem.WrongPassword }));
        Assert.All(rejected.Where(r => r.Problem == KeyMaterialProblem.Unreadable), r => Assert.Equal(Damaged, r.Message));
        Assert.All(accepted, key => Assert.Subset(new HashSet<string> { Key.UserId }, key.Facts.UserIds.ToHashSet()));
        // A flipped byte in the primary key's material makes another key: its identities' self-signatures no longer verify.
        var otherKeys = accepted.Where(key => key.Facts.Fingerprint != Key.Fingerprint).ToList();
        Assert.NotEmpty(otherKeys);
        Assert.All(otherKeys, key => Assert.Empty(key.Facts.Emails));
    }

    private static byte[] Input(string name)
    {
        var armored = Key.PublicKeyArmored();
        var binary = Key.PublicKeyBinary();
        return name switch
        {
            "empty" => [],
            "text" => "This is not a key, just some words.\n"u8.ToArray(),
            "random" => [0x99, .. Enumerable.Range(0, 300).Select(i => (byte)(i * 37 % 251))],
            "truncated armor" => Encoding.ASCII.GetBytes(armored[..(armored.Length / 2)]),
            "truncated binary" => binary[..(binary.Length / 2)],
            "broken checksum" => Encoding.ASCII.GetBytes(BreakChecksum(armored)),
            "armor without body" => "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n-----END PGP PUBLIC KEY BLOCK-----\n"u8.ToArray(),
            _ => throw new ArgumentOutOfRangeException(nameof(name)),
        };
    }

    private static string BreakChecksum(string armored)
    {
        var lines = armored.Split('\n');
        var checksum = Array.FindIndex(lines, l => l.StartsWith('='));
        lines[checksum] = lines[checksum] == "=AAAA" ? "=BBBB" : "=AAAA";
        return string.Join('\n', lines);
    }
}
