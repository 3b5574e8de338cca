namespace SecureMail.Application.Keystore.Pgp;

/// <summary>RFC 9580 §6 ASCII armor for a public key export.</summary>
public interface IPgpArmor
{
    string ArmorPublicKey(byte[] transferablePublicKey);
}
