using SecureMail.Domain.Common;
using SecureMail.Domain.Keystore;
using SecureMail.Domain.Keystore.Expiry;
using SecureMail.Domain.Keystore.Smime;
using static SecureMail.Domain.Tests.Keystore.Facts;

namespace SecureMail.Domain.Tests.Keystore;

public class KeyExpiryTests
{
    [Theory]
    [InlineData(45, null)]
    [InlineData(30, 30)]
    [InlineData(20, 30)]
    [InlineData(5, 7)]
    [InlineData(0.5, 1)]
    [InlineData(-3, 1)]
    public void A_key_is_named_at_the_tightest_threshold_it_has_passed(double daysLeft, int? threshold) =>
        Assert.Equal(threshold, KeyExpiry.TightestThresholdPassed(Now.AddDays(daysLeft), Now));

    [Fact]
    public void One_warning_stream_per_key_and_threshold_whatever_the_fingerprints_spelling()
    {
        Assert.Equal(KeystoreIds.ForExpiryWarning("ab:cd:ef", 7), KeystoreIds.ForExpiryWarning("ABCDEF", 7));
        Assert.NotEqual(KeystoreIds.ForExpiryWarning("abcdef", 7), KeystoreIds.ForExpiryWarning("abcdef", 1));
        Assert.NotEqual(KeystoreIds.ForExpiryWarning("abcdef", 7), KeystoreIds.ForExpiryWarning("abcde0", 7));
    }

    [Fact]
    public void A_group_key_message_says_whose_key_ends_when_and_what_to_do()
    {
        var expiring = ExpiryMessages.GroupKey("S/MIME", ["Sales", "Support"], "help@example.com", Now.AddDays(5), Now);
        var expired = ExpiryMessages.GroupKey("PGP", ["Support"], "help@example.com", Now.AddDays(-1), Now);

        Assert.Equal("The S/MIME key of the groups Sales, Support (help@example.com) expires on 2026-06-06 12:00:00Z. " +
            "Import a renewed certificate with its private key for the group's address.", expiring);
        Assert.StartsWith("The PGP key of the group Support (help@example.com) expired on 2026-05-31 12:00:00Z: its mail can no longer be signed.", expired);
    }

    [Fact]
    public void Removing_a_private_key_keeps_the_certificate_and_needs_a_key_to_remove()
    {
        var entry = CertificateEntry.Imported(new CertificateImported(Guid.NewGuid(), Certificate(), "a", Now)).After(
            new PrivateKeyImported(Guid.Empty, Certificate().Fingerprint, "pkcs12", "a", Now));

        var removed = Assert.IsType<PrivateKeyRemoved>(Assert.Single(CertificateDecisions.RemovePrivateKey(entry, "admin-1", Now).Events));
        var after = entry.After(removed);

        Assert.Equal(new PrivateKeyRemoved(entry.Id, entry.Certificate.Fingerprint, "admin-1", Now), removed);
        Assert.True(after is { HasPrivateKey: false, IsHeld: true });
        Assert.Equal(RejectionKind.NotFound, CertificateDecisions.RemovePrivateKey(after, "a", Now).Rejection?.Kind);
        Assert.Equal(RejectionKind.NotFound, CertificateDecisions.RemovePrivateKey(null, "a", Now).Rejection?.Kind);
    }
}
