using System.Text;
using SecureMail.Application.Keystore;
using SecureMail.Infrastructure.Keystore.Pgp;
using SecureMail.TestKit.Pgp;

namespace SecureMail.Infrastructure.Tests.Pgp;

public sealed class UnreadableInputTests
{
    private static readonly PgpTestKey Key = PgpTestKeys.Create("Mallory", "mallory@example.com");
    private readonly BouncyCastlePgpKeyMaterialReader _reader = new();

    public static TheoryData<string> Cases() =>
        ["empty", "text", "random", "truncated armor", "truncated binary", "broken checksum", "armor without body"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_that_is_not_a_key_is_unreadable(string name)
    {
        var rejected = Assert.Throws<KeyMaterialRejected>(() => _reader.ReadKeys(Input(name), null));

        Assert.Equal(KeyMaterialProblem.Unreadable, rejected.Problem);
        Assert.False(string.IsNullOrWhiteSpace(rejected.Message));
    }

    [Fact]
    public void Damaged_keys_never_throw_anything_but_a_rejection()
    {
        var random = new Random(4880);
        var inputs = new[] { Key.PublicKeyBinary(), Key.SecretKeyRing.GetEncoded() };
        for (var i = 0; i < 120; i++)
        {
            var damaged = inputs[i % 2].ToArray();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);

            try
            {
                _reader.ReadKeys(damaged, Key.Passphrase);
            }
            catch (KeyMaterialRejected)
            {
            }
        }
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
