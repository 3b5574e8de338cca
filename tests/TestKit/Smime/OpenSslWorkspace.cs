using System.Text;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.OpenSsl;
using Org.BouncyCastle.X509;

namespace SecureMail.TestKit.Smime;

/// <summary>A throwaway directory where openssl makes keys, certificates and PKCS#12 files.
/// File names are relative to <see cref="Directory"/>.</summary>
public sealed class OpenSslWorkspace : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("securemail-openssl-").FullName;

    public string Run(params string[] arguments) => OpenSsl.Run(Directory, arguments);

    public byte[] Read(string file) => File.ReadAllBytes(PathOf(file));

    public void Write(string file, byte[] content) => File.WriteAllBytes(PathOf(file), content);

    public string PathOf(string file) => Path.Combine(Directory, file);

    /// <summary>A new key, unencrypted PEM: "rsa" (2048 bits) or "rsa:BITS", "ec" (P-256) or "ec:CURVE" (an openssl
    /// curve name), or "ec:explicit" (P-256 written with its parameters instead of its name).</summary>
    public string NewKey(string name, string algorithm = "rsa")
    {
        var file = $"{name}.key.pem";
        var (kind, parameter) = algorithm.Split(':') is [var k, var p] ? (k, p) : (algorithm, null);
        if (kind == "ec" && parameter == "explicit")
            Run("ecparam", "-name", "prime256v1", "-param_enc", "explicit", "-genkey", "-noout", "-out", file);
        else if (kind == "ec")
            Run("genpkey", "-algorithm", "EC", "-pkeyopt", $"ec_paramgen_curve:{parameter ?? "P-256"}", "-out", file);
        else
            Run("genpkey", "-algorithm", "RSA", "-pkeyopt", $"rsa_keygen_bits:{parameter ?? "2048"}", "-out", file);
        return file;
    }

    /// <summary>A self-signed S/MIME certificate for <paramref name="email"/> (SAN and emailAddress RDN);
    /// returns the PEM key and certificate file names.</summary>
    /// <param name="digest">The digest of the certificate's signature, as openssl names it (sha256, sha1, md5).</param>
    public (string KeyFile, string CertificateFile) SelfSigned(string name, string email, string algorithm = "rsa", string? keyFile = null,
        string digest = "sha256")
    {
        keyFile ??= NewKey(name, algorithm);
        var certificateFile = $"{name}.crt.pem";
        Run("req", "-new", "-x509", "-key", keyFile, "-out", certificateFile, "-days", "30", $"-{digest}",
            "-subj", $"/O=SecureMail Interop/CN={name}/emailAddress={email}",
            "-addext", $"subjectAltName=email:{email}",
            "-addext", "keyUsage=critical,digitalSignature,keyEncipherment",
            "-addext", "extendedKeyUsage=emailProtection,clientAuth",
            "-addext", "basicConstraints=CA:FALSE");
        return (keyFile, certificateFile);
    }

    /// <summary>PKCS#12 as <c>openssl pkcs12 -export</c> writes it: OpenSSL 3 defaults, or <c>-legacy</c> (RC2-40/3DES, SHA-1 MAC).</summary>
    public string Pkcs12(string keyFile, string certificateFile, string password, bool legacy = false, params string[] extraCertificateFiles)
    {
        var output = $"{Path.GetFileNameWithoutExtension(certificateFile)}{(legacy ? ".legacy" : "")}.p12";
        var arguments = new List<string> { "pkcs12", "-export", "-inkey", keyFile, "-in", certificateFile, "-out", output, "-passout", $"pass:{password}" };
        foreach (var extra in extraCertificateFiles)
            arguments.AddRange(["-certfile", extra]);
        if (legacy)
            arguments.Add("-legacy");
        OpenSsl.Run(Directory, arguments);
        return output;
    }

    /// <summary>A key and certificate openssl made, held as the tests' own identities are (to sign mail with, say).</summary>
    public TestCertificate Identity(string keyFile, string certificateFile)
    {
        var certificate = new X509CertificateParser().ReadCertificate(Read(certificateFile));
        var privateKey = (AsymmetricKeyParameter)new PemReader(new StringReader(Encoding.ASCII.GetString(Read(keyFile)))).ReadObject();
        return new TestCertificate(certificate, new AsymmetricCipherKeyPair(certificate.GetPublicKey(), privateKey));
    }

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp directory is harmless.
        }
    }
}
