using SecureMail.Domain.Keystore.Collected;

namespace SecureMail.Domain.Tests.Keystore;

public class CollectedKeysTests
{
    private static readonly KeyOrigin Origin = new(Guid.NewGuid(), Guid.NewGuid());
    private static readonly CarriedKey Alice = CarriedKey.Of(CarriedKey.CmsSigner, Facts.Certificate());
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    private static CollectedKey Collected(CarriedKey key) =>
        CollectedKey.Collected((KeyCollectedFromMail)CollectedKeys.Collect(null, key, held: false, Origin, "inbound", Facts.Now).Single());

    [Fact]
    public void A_carried_key_the_keystore_does_not_hold_is_collected_with_the_article_it_came_in()
    {
        var collected = Assert.IsType<KeyCollectedFromMail>(Assert.Single(CollectedKeys.Collect(null, Alice, held: false, Origin, "inbound", Facts.Now)));

        Assert.Equal((Alice.Certificate, Origin, CarriedKey.CmsSigner), (collected.Certificate, collected.Origin, collected.Source));
    }

    [Fact]
    public void A_held_key_a_key_without_address_and_a_dismissed_key_are_not_collected()
    {
        var dismissed = Collected(Alice).After(new CollectedKeyDismissed(Guid.Empty, "", CollectedKeys.ByAdmin, "admin", Facts.Now));
        var nameless = CarriedKey.Of(CarriedKey.CmsSigner, Facts.Certificate() with { Emails = [] });

        Assert.Empty(CollectedKeys.Collect(null, Alice, held: true, Origin, "inbound", Facts.Now));
        Assert.Empty(CollectedKeys.Collect(null, nameless, held: false, Origin, "inbound", Facts.Now));
        Assert.Empty(CollectedKeys.Collect(dismissed, Alice, held: false, Origin, "inbound", Facts.Now));
    }

    [Fact]
    public void A_lapsed_or_imported_then_removed_key_is_collected_again()
    {
        var lapsed = Collected(Alice).After(new CollectedKeyDismissed(Guid.Empty, "", CollectedKeys.Superseded, "inbound", Facts.Now));
        var imported = Collected(Alice).After(new CollectedKeyImported(Guid.Empty, "", Origin, "admin", Facts.Now));

        Assert.Single(CollectedKeys.Collect(lapsed, Alice, held: false, Origin, "inbound", Facts.Now));
        Assert.Single(CollectedKeys.Collect(imported, Alice, held: false, Origin, "inbound", Facts.Now));
    }

    [Fact]
    public void Only_a_pending_candidate_can_be_imported_or_dismissed()
    {
        var pending = Collected(Alice);
        var imported = pending.After(new CollectedKeyImported(pending.Id, pending.Fingerprint, Origin, "admin", Facts.Now));

        Assert.IsType<CollectedKeyImported>(Assert.Single(CollectedKeys.Import(pending, "admin", Facts.Now).Events));
        Assert.Equal(Common.RejectionKind.NotFound, CollectedKeys.Import(imported, "admin", Facts.Now).Rejection!.Kind);
        Assert.Equal(Common.RejectionKind.NotFound, CollectedKeys.Dismiss(null, CollectedKeys.ByAdmin, "admin", Facts.Now).Rejection!.Kind);
    }

    [Fact]
    public void Per_address_only_the_newest_stay_and_the_unseen_expire()
    {
        var candidates = Enumerable.Range(0, 5)
            .Select(i => new PendingCandidate(Guid.NewGuid(), ["alice@example.com"], Facts.Now.AddDays(-i)))
            .Append(new PendingCandidate(Guid.NewGuid(), ["bob@example.com"], Facts.Now.AddDays(-31)))
            .ToList();

        var lapsing = CollectedKeys.Lapsing(candidates, perAddress: 3, Month, Facts.Now);

        Assert.Equal(
            [(candidates[3].Id, CollectedKeys.Superseded), (candidates[4].Id, CollectedKeys.Superseded), (candidates[5].Id, CollectedKeys.Expired)],
            lapsing.OrderBy(l => candidates.FindIndex(c => c.Id == l.Id)));
    }
}
