using System.Diagnostics;
using System.Text;
using SecureMail.Domain.Inbound;
using SecureMail.Infrastructure.Inbound;
using SecureMail.TestKit.Inbound;
using SecureMail.TestKit.Pgp;
using Xunit.Abstractions;
using static SecureMail.Infrastructure.Tests.Inbound.InboundKeys;

namespace SecureMail.Infrastructure.Tests.Inbound;

/// <summary>OpenPGP data that would cost minutes of CPU gets an honest status in moments: session key packets by the ten
/// thousand, hidden recipients to try, signatures by the thousand.</summary>
public sealed class PgpBudgetTests(ITestOutputHelper output)
{
    private const string Secret = "the secret plan\n";
    private static readonly PgpTestKey Support = PgpTestKeys.Create("Support", "support@example.com", passphrase: null);

    private static InMemoryInboundKeyring Keyring() => new()
    {
        PgpSecretKeys = { new(Support.Fingerprint, Support.SecretKeyRing.GetEncoded()) },
        PgpKeys = { Public(Support.PublicKeyRing.GetEncoded()) },
    };

    private static byte[] PgpMime(byte[] binary) => RawMail.Lines(
        RawMail.Headers + "Content-Type: multipart/encrypted; protocol=\"application/pgp-encrypted\"; boundary=\"enc\"", "",
        "--enc", "Content-Type: application/pgp-encrypted", "", "Version: 1", "",
        "--enc", "Content-Type: application/octet-stream", "", PgpPackets.Armor(binary).TrimEnd(), "--enc--");

    [Fact]
    public async Task Fifty_thousand_anonymous_session_keys_are_refused_unopened()
    {
        var encrypted = PgpPackets.Encrypt(Support, Secret);
        var raw = PgpMime([.. HostilePgp.AnonymousSessionKeys(50_000), .. HostilePgp.WithoutSessionKeys(encrypted)]);

        var (inspection, elapsed) = await Timed(raw);

        output.WriteLine($"{raw.Length / 1048576.0:0.0} MB with 50,000 key-ID-0 session keys: status in {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(SecurityCode.TooComplex, inspection.Decryption!.Code);
        Assert.Equal("The message holds more than 100 session keys; it was not decrypted.", inspection.Decryption.Detail);
        Assert.Equal("", inspection.Content.Body);
        Assert.True(elapsed < TimeSpan.FromSeconds(30), $"It took {elapsed}.");
    }

    [Fact]
    public async Task Hidden_recipients_are_tried_sixteen_times_at_most()
    {
        var hidden = HostilePgp.HiddenRecipient(PgpPackets.Encrypt(Support, Secret));
        var raw = PgpMime([.. HostilePgp.AnonymousSessionKeys(20), .. hidden]);

        var (inspection, elapsed) = await Timed(raw);

        output.WriteLine($"20 anonymous session keys before ours: status in {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(SecurityCode.TooComplex, inspection.Decryption!.Code);
        Assert.Equal("The message hides its recipients (key ID 0) in more session keys than are tried (16 trial decryptions); it was not decrypted.",
            inspection.Decryption.Detail);
    }

    [Fact]
    public async Task A_hidden_recipient_within_the_trials_decrypts()
    {
        var hidden = HostilePgp.HiddenRecipient(PgpPackets.Encrypt(Support, "Content-Type: text/plain\r\n\r\n" + Secret));

        var inspection = await InspectAsync(PgpMime([.. HostilePgp.AnonymousSessionKeys(10), .. hidden]), Keyring());

        Assert.Equal((null, Support.Fingerprint), (inspection.Decryption!.Code, inspection.Decryption.KeyFingerprint));
        Assert.Equal(Secret, inspection.Content.Body);
    }

    [Fact]
    public async Task A_session_key_that_names_our_key_is_opened_without_trying_the_anonymous_ones()
    {
        var encrypted = PgpPackets.Encrypt(Support, "Content-Type: text/plain\r\n\r\n" + Secret);

        var (inspection, elapsed) = await Timed(PgpMime([.. HostilePgp.AnonymousSessionKeys(90), .. encrypted]));

        output.WriteLine($"90 anonymous session keys before ours: decrypted in {elapsed.TotalMilliseconds:0} ms");
        Assert.Null(inspection.Decryption!.Code);
        Assert.Equal(Secret, inspection.Content.Body);
    }

    [Fact]
    public async Task Ten_thousand_signatures_are_not_checked()
    {
        var content = Encoding.ASCII.GetBytes("Content-Type: text/plain\r\n\r\nSigned many times.");
        var raw = RawMail.Lines(RawMail.Headers + "Content-Type: multipart/signed; protocol=\"application/pgp-signature\"; micalg=pgp-sha256; boundary=\"sig\"", "",
            "--sig", Encoding.ASCII.GetString(content),
            "--sig", "Content-Type: application/pgp-signature", "", PgpPackets.Armor(HostilePgp.DetachedSignatures(Support, content, 10_000), "SIGNATURE").TrimEnd(),
            "--sig--");

        var (inspection, elapsed) = await Timed(raw);

        output.WriteLine($"10,000 signatures: status in {elapsed.TotalMilliseconds:0} ms");
        Assert.Equal(SecurityCode.TooComplex, inspection.Signature!.Code);
        Assert.Equal("The message holds more than 16 signatures; they were not checked.", inspection.Signature.Detail);
    }

    [Fact]
    public async Task Seventeen_one_pass_signatures_around_a_partial_length_literal_are_not_checked()
    {
        var inspection = await InspectAsync(PgpMail.Inline(PgpPackets.Armor(HostilePgp.SignedManyTimes(Support, Secret, 17))), Keyring());

        Assert.Equal(SecurityCode.TooComplex, inspection.Signature!.Code);
        Assert.Equal("The message announces more than 16 signatures; they were not checked.", inspection.Signature.Detail);
    }

    [Fact]
    public async Task Sixteen_signatures_are_still_checked()
    {
        var inspection = await InspectAsync(PgpMail.Inline(PgpPackets.Armor(HostilePgp.SignedManyTimes(Support, Secret, 16))), Keyring());

        Assert.Null(inspection.Signature!.Code);
        Assert.Equal(Secret, inspection.Content.Body);
    }

    [Fact]
    public async Task Cancellation_is_not_taken_for_a_status()
    {
        var raw = PgpMime([.. HostilePgp.AnonymousSessionKeys(10), .. HostilePgp.HiddenRecipient(PgpPackets.Encrypt(Support, Secret))]);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => Keyring().Inspect(new MimeKitInboundMessageReader(), raw, cancelled.Token));
    }

    private static async Task<(Application.Inbound.InboundInspection, TimeSpan)> Timed(byte[] raw)
    {
        var clock = Stopwatch.StartNew();
        var inspection = await InspectAsync(raw, Keyring());
        return (inspection, clock.Elapsed);
    }
}
