using ExpertBot.Bot.Cards;
using static ExpertBot.Bot.Tests.Cards.CardFixtures;

namespace ExpertBot.Bot.Tests.Cards;

public sealed class CardDumpTests
{
    /// <summary>Set by tests/EndToEnd/validate-cards.sh: where to write every sample card for the schema check.</summary>
    public const string DumpDirVariable = "EXPERTBOT_CARD_DUMP_DIR";

    [Fact]
    public void Samples_DumpDirSet_WritesEveryCard()
    {
        var dir = Environment.GetEnvironmentVariable(DumpDirVariable);
        if (string.IsNullOrWhiteSpace(dir))
        {
            return;
        }

        Directory.CreateDirectory(dir);
        foreach (var (name, card) in Samples)
        {
            File.WriteAllText(Path.Combine(dir, name + ".json"), Serialize(card) + "\n");
        }

        Assert.Equal(Samples.Count, Directory.GetFiles(dir, "*.json").Length);
    }

    [Fact]
    public void Samples_Names_AreUniqueFileNames()
    {
        var names = Samples.Select(s => s.Name).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.Matches("^[a-z0-9.-]+$", n));
    }

    [Fact]
    public void Samples_EveryCard_FarBelowTeamsMessageSizeLimit()
    {
        // Teams refuses a bot message over 100 KB and recommends staying within 80 KB (card plus activity envelope).
        // The worst-case samples fill every field to its maximum; a card stays under 24 KB, a bundle of up to 40
        // tickets (a burst for one channel) under 64 KB. Default escaping (non-ASCII as \uXXXX) over-counts: the safe side.
        Assert.All(Samples, s => Assert.True(s.Card.ToJsonString().Length < (s.Name.Contains("bundle", StringComparison.Ordinal) ? 64 : 24) * 1024,
            $"{s.Name}: {s.Card.ToJsonString().Length} bytes"));
    }

    [Fact]
    public void Samples_CoverEveryRouteInBothLanguagesAndEveryCardKind()
    {
        var names = Samples.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(8, Shipped.Routes.Count);
        Assert.All(Shipped.Routes, r => Assert.Contains($"route-{r.Id}.nl", names));
        Assert.All(Shipped.Routes, r => Assert.Contains($"route-{r.Id}.en", names));
        Assert.All(
            ["experts.nl", "experts-none.nl", "followup.nl", "help.nl", "welcome.nl", "pii-route.nl", "error.nl", "feedback-thanks.nl", "request.nl", "unknown.nl"],
            n => Assert.Contains(n, names));
    }
}
