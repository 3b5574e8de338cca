using System.Text;
using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using SecureMail.Domain.Common;

namespace SecureMail.Infrastructure.Vault;

/// <summary>One key of ASP.NET Core's data-protection key ring, sealed (see <see cref="VaultKeyRingEncryptor"/>).</summary>
public sealed record DataProtectionKey(string Id, string Xml);

/// <summary>The data-protection key ring (the keys that seal session cookies and anti-forgery tokens) kept in the
/// database, so that every node reads the same ring: a cookie one node made opens on any other. The data-protection
/// system calls it synchronously, rarely (at start, and when a key is made every 90 days).</summary>
public sealed class DatabaseKeyRing(IDocumentStore store) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var session = store.QuerySession();
        return session.Query<DataProtectionKey>().ToListAsync().GetAwaiter().GetResult().Select(key => XElement.Parse(key.Xml)).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var session = store.LightweightSession();
        session.Store(new DataProtectionKey(friendlyName, element.ToString(SaveOptions.DisableFormatting)));
        session.SaveChangesAsync().GetAwaiter().GetResult();
    }
}

/// <summary>Seals each key of the ring with the vault key before it is stored: whoever reads a copy of the database
/// (a backup) cannot forge a session cookie for an admin with it.</summary>
public sealed class VaultKeyRingEncryptor(VaultKey key) : IXmlEncryptor
{
    internal static readonly Guid Owner = DerivedId.From("data-protection", "key-ring");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var sealedBytes = AesGcmSeal.Seal(key, Owner, Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        var element = new XElement("sealedWithVaultKey",
            new XAttribute("keyId", sealedBytes.KeyId),
            new XAttribute("nonce", Convert.ToBase64String(sealedBytes.Nonce)),
            new XAttribute("tag", Convert.ToBase64String(sealedBytes.Tag)),
            Convert.ToBase64String(sealedBytes.Ciphertext));
        return new EncryptedXmlInfo(element, typeof(VaultKeyRingDecryptor));
    }
}

/// <summary>Made by the data-protection system from the type named in the stored key, with the service provider.</summary>
public sealed class VaultKeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var sealedBytes = new SealedBytes(
            (string)encryptedElement.Attribute("keyId")!,
            Convert.FromBase64String((string)encryptedElement.Attribute("nonce")!),
            Convert.FromBase64String(encryptedElement.Value),
            Convert.FromBase64String((string)encryptedElement.Attribute("tag")!));
        var plaintext = AesGcmSeal.Open(services.GetRequiredService<VaultKey>(), VaultKeyRingEncryptor.Owner, sealedBytes);
        return XElement.Parse(Encoding.UTF8.GetString(plaintext));
    }
}
