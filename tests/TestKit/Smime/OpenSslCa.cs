using System.Text;

namespace SecureMail.TestKit.Smime;

/// <summary>A certificate authority run by openssl in a <see cref="OpenSslWorkspace"/>: issues S/MIME
/// certificates with chosen serials and writes CRLs with <c>openssl ca -gencrl</c>.</summary>
public sealed class OpenSslCa
{
    private readonly OpenSslWorkspace _workspace;
    private readonly List<(string Serial, string Subject)> _revoked = [];

    public OpenSslCa(OpenSslWorkspace workspace, string name = "Interop CA")
    {
        _workspace = workspace;
        Name = name;
        KeyFile = workspace.NewKey(FileStem);
        CertificateFile = $"{FileStem}.crt.pem";
        workspace.Run("req", "-new", "-x509", "-key", KeyFile, "-out", CertificateFile, "-days", "30", "-sha256",
            "-subj", $"/O=SecureMail Interop/CN={name}",
            "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign");
    }

    public string Name { get; }

    public string KeyFile { get; }

    public string CertificateFile { get; }

    private string FileStem => Name.Replace(' ', '-');

    /// <summary>A leaf for <paramref name="email"/> with the serial <paramref name="serialHex"/>; returns its PEM file names.</summary>
    /// <param name="digest">The digest this CA signs the leaf with, as openssl names it (sha256, sha1).</param>
    public (string KeyFile, string CertificateFile) Issue(string name, string email, string serialHex, string algorithm = "rsa", string digest = "sha256")
    {
        var keyFile = _workspace.NewKey(name, algorithm);
        var certificateFile = $"{name}.crt.pem";
        _workspace.Run("req", "-new", "-key", keyFile, "-out", $"{name}.csr", "-subj", $"/O=SecureMail Interop/CN={name}");
        _workspace.Write($"{name}.ext", Encoding.ASCII.GetBytes(
            $"subjectAltName=email:{email}\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=emailProtection\n"
            + "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n"));
        _workspace.Run("x509", "-req", "-in", $"{name}.csr", "-CA", CertificateFile, "-CAkey", KeyFile, "-set_serial", $"0x{serialHex}",
            "-days", "30", $"-{digest}", "-extfile", $"{name}.ext", "-out", certificateFile);
        return (keyFile, certificateFile);
    }

    /// <summary>Writes a CRL (PEM, with an authorityKeyIdentifier) revoking every serial ever passed here; returns its file name.</summary>
    public string Crl(params string[] revokedSerialHex) => Crl(revokedSerialHex, withAuthorityKeyIdentifier: true);

    /// <param name="withAuthorityKeyIdentifier">False: a CRL without extensions, as <c>openssl ca -gencrl</c> writes by default.</param>
    /// <param name="lastUpdate">With <paramref name="nextUpdate"/>: the CRL's dates (a stale CRL has its next update in the past); else now and a week on.</param>
    public string Crl(IReadOnlyList<string> revokedSerialHex, bool withAuthorityKeyIdentifier, DateTimeOffset? lastUpdate = null, DateTimeOffset? nextUpdate = null)
    {
        _revoked.AddRange(revokedSerialHex.Select(serial => (serial, "/CN=revoked")));
        // openssl ca reads revocations from its text database: status, expiry, revocation time, serial, file, subject.
        var index = string.Concat(_revoked.Select(r => $"R\t301231000000Z\t250101000000Z\t{r.Serial}\tunknown\t{r.Subject}\n"));
        _workspace.Write($"{FileStem}.index.txt", Encoding.ASCII.GetBytes(index));
        _workspace.Write($"{FileStem}.cnf", Encoding.ASCII.GetBytes(
            $"[ca]\ndefault_ca = this\n[this]\ndatabase = {FileStem}.index.txt\ndefault_md = sha256\ndefault_crl_days = 7\n"
            + (withAuthorityKeyIdentifier ? "crl_extensions = crl_ext\n[crl_ext]\nauthorityKeyIdentifier = keyid:always\n" : "")));
        var crlFile = $"{FileStem}.crl.pem";
        var dates = lastUpdate is { } last && nextUpdate is { } next
            ? new[] { "-crl_lastupdate", Time(last), "-crl_nextupdate", Time(next) }
            : [];
        _workspace.Run(["ca", "-config", $"{FileStem}.cnf", "-gencrl", "-keyfile", KeyFile, "-cert", CertificateFile, "-out", crlFile, .. dates]);
        return crlFile;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyyMMddHHmmss") + "Z";
}
