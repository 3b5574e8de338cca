using System.Text;

namespace SecureMail.TestKit.Smime;

/// <summary>Certificate authorities and S/MIME leaves made by openssl in a <see cref="OpenSslWorkspace"/>, each by name:
/// NAME.key.pem and NAME.crt.pem. Extensions are given as openssl extension-file lines.</summary>
public sealed class OpenSslHierarchy(OpenSslWorkspace workspace)
{
    public const string CaExtensions =
        "basicConstraints=critical,CA:TRUE\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

    public OpenSslWorkspace Workspace { get; } = workspace;

    public static string LeafExtensions(string email) =>
        $"subjectAltName=email:{email}\nkeyUsage=critical,digitalSignature,keyEncipherment\nextendedKeyUsage=emailProtection\n" +
        "subjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n";

    /// <summary>A self-signed root, as <c>openssl req -x509</c> makes one with <paramref name="extensions"/> added.</summary>
    public string Root(string name, params string[] extensions)
    {
        var key = Workspace.NewKey(name);
        Workspace.Run(["req", "-new", "-x509", "-key", key, "-out", Certificate(name), "-days", "30", "-sha256", "-subj", $"/O=SecureMail Interop/CN={name}",
            .. extensions.SelectMany(e => new[] { "-addext", e })]);
        return Certificate(name);
    }

    /// <summary>Signed by <paramref name="issuer"/> with <c>openssl x509 -req</c>, valid from now for 30 days.</summary>
    /// <param name="algorithm">"rsa" (2048 bits), "ec" (P-256) or "rsa:BITS".</param>
    public string Issue(string name, string issuer, string extensions, string digest = "sha256", string algorithm = "rsa")
    {
        Request(name, extensions, algorithm);
        Workspace.Run("x509", "-req", "-in", $"{name}.csr", "-CA", Certificate(issuer), "-CAkey", $"{issuer}.key.pem", "-set_serial", "0x" + Serial(),
            "-days", "30", $"-{digest}", "-extfile", $"{name}.ext", "-out", Certificate(name));
        return Certificate(name);
    }

    /// <summary>Signed by <paramref name="issuer"/> with <c>openssl ca</c>, valid only between the given UTC times (YYYYMMDDHHMMSSZ).</summary>
    public string IssueBetween(string name, string issuer, string extensions, string start, string end)
    {
        Request(name, extensions, "rsa");
        Workspace.Write($"{name}.index.txt", []);
        Workspace.Write($"{name}.serial", Encoding.ASCII.GetBytes(Serial() + "\n"));
        Workspace.Write($"{name}.cnf", Encoding.ASCII.GetBytes(
            $"[ca]\ndefault_ca = this\n[this]\ndatabase = {name}.index.txt\nserial = {name}.serial\nnew_certs_dir = .\n" +
            "default_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\norganizationName = optional\n"));
        Workspace.Run("ca", "-batch", "-config", $"{name}.cnf", "-cert", Certificate(issuer), "-keyfile", $"{issuer}.key.pem", "-in", $"{name}.csr",
            "-out", Certificate(name), "-startdate", start, "-enddate", end, "-extfile", $"{name}.ext", "-notext");
        return Certificate(name);
    }

    /// <summary>A message signed by <paramref name="signer"/> (<c>openssl cms -sign</c>, SHA-256) carrying the named certificates too.</summary>
    public byte[] Sign(string signer, string text, params string[] carried) => Sign([signer], text, carried);

    /// <summary>A message with one SignerInfo for each of <paramref name="signers"/>.</summary>
    public byte[] Sign(IReadOnlyList<string> signers, string text, params string[] carried)
    {
        Workspace.Write("entity.txt", Encoding.UTF8.GetBytes($"Content-Type: text/plain; charset=utf-8\r\n\r\n{text}"));
        var arguments = new List<string> { "cms", "-sign", "-in", "entity.txt", "-md", "sha256", "-out", "signed.eml" };
        foreach (var signer in signers)
            arguments.AddRange(["-signer", Certificate(signer), "-inkey", $"{signer}.key.pem"]);
        if (carried.Length > 0)
        {
            Workspace.Write("carried.pem", carried.SelectMany(c => Workspace.Read(Certificate(c))).ToArray());
            arguments.AddRange(["-certfile", "carried.pem"]);
        }
        Workspace.Run([.. arguments]);
        return Workspace.Read("signed.eml");
    }

    public static string Certificate(string name) => $"{name}.crt.pem";

    private void Request(string name, string extensions, string algorithm)
    {
        var key = algorithm.StartsWith("rsa:", StringComparison.Ordinal) ? RsaKey(name, algorithm[4..]) : Workspace.NewKey(name, algorithm);
        Workspace.Run("req", "-new", "-key", key, "-out", $"{name}.csr", "-subj", $"/O=SecureMail Interop/CN={name}");
        Workspace.Write($"{name}.ext", Encoding.ASCII.GetBytes(extensions));
    }

    /// <summary>16 hex digits, positive, no leading zero byte.</summary>
    private string RsaKey(string name, string bits)
    {
        Workspace.Run("genpkey", "-algorithm", "RSA", "-pkeyopt", $"rsa_keygen_bits:{bits}", "-out", $"{name}.key.pem");
        return $"{name}.key.pem";
    }

    private static string Serial()
    {
        var bytes = Guid.NewGuid().ToByteArray()[..8];
        bytes[0] = (byte)((bytes[0] & 0x7F) | 0x10);
        return Convert.ToHexString(bytes);
    }
}
