using System.Text;
using Org.BouncyCastle.Bcpg;

namespace SecureMail.Infrastructure.Tests.Pgp;

internal static class Armor
{
    public static byte[] Decode(string armored)
    {
        using var input = new ArmoredInputStream(new MemoryStream(Encoding.ASCII.GetBytes(armored)));
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }
}
