using SecureMail.Api.Http;

namespace SecureMail.Api.Tests.Http;

public class SafeDownloadTests
{
    [Theory]
    [InlineData("application/pdf", "application/pdf")]
    [InlineData("IMAGE/PNG", "image/png")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document")]
    [InlineData("text/html", SafeDownload.OctetStream)]
    [InlineData("image/svg+xml", SafeDownload.OctetStream)]
    [InlineData("application/xhtml+xml", SafeDownload.OctetStream)]
    [InlineData("text/xml", SafeDownload.OctetStream)]
    [InlineData("text/javascript", SafeDownload.OctetStream)]
    [InlineData("multipart/x-mixed-replace", SafeDownload.OctetStream)]
    [InlineData("image/png\r\nX-Injected: 1", SafeDownload.OctetStream)]
    [InlineData("image/png; charset=x", SafeDownload.OctetStream)]
    [InlineData("image/png<script>", SafeDownload.OctetStream)]
    [InlineData("png", SafeDownload.OctetStream)]
    [InlineData("", SafeDownload.OctetStream)]
    public void Only_a_well_formed_passive_type_is_served_as_itself(string declared, string served) =>
        Assert.Equal(served, SafeDownload.ContentType(declared));

    [Theory]
    [InlineData("report.pdf", "report.pdf")]
    [InlineData("../../etc/passwd", ".._.._etc_passwd")]
    [InlineData("..\\..\\boot.ini", ".._.._boot.ini")]
    [InlineData("a\r\nb\0c\u0085d.txt", "a__b_c_d.txt")]
    [InlineData("invoice\u202Efdp.exe", "invoice_fdp.exe")]
    [InlineData("\u2066x\u2069\u200E\u200F.txt", "_x___.txt")]
    [InlineData("Grüße.pdf", "Grüße.pdf")]
    [InlineData("  ", "attachment")]
    public void A_file_name_loses_path_separators_controls_and_bidi_overrides(string name, string safe) =>
        Assert.Equal(safe, SafeDownload.FileName(name));
}
