using System.Text;
using Org.BouncyCastle.Bcpg;
using SecureMail.Application.Keystore.Pgp;

namespace SecureMail.Infrastructure.Keystore;

public sealed class BouncyCastlePgpArmor : IPgpArmor
{
    public string ArmorPublicKey(byte[] transferablePublicKey)
    {
        using var buffer = new MemoryStream();
        using (var armored = new ArmoredOutputStream(buffer))
            armored.Write(transferablePublicKey);
        return Encoding.ASCII.GetString(buffer.ToArray());
    }
}
