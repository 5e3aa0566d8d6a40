using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Experts;

/// <summary>Ranking rules on small inline pools, where each case decides between two or three experts.</summary>
public sealed class ExpertRankerTests
{
    private static readonly DateOnly Monday = TestKnowledge.Monday;
    private static readonly DateOnly Friday = Monday.AddDays(4);
    private static readonly string[] AllWeek = ["ma", "di", "wo", "do", "vr"];

    private static ExpertRanking Rank(
        ExpertSpec[] experts, string[] topics, string? municipality = null, DateOnly? day = null, Lang lang = Lang.Nl, string[]? roles = null)
    {
        var knowledge = KnowledgeLoader.Load([new KnowledgeSource("pool.json", Pool.StandaloneJson(experts))]);
        var asked = municipality is null ? null : knowledge.Municipalities.Single(m => m.Name == municipality);
        var ranker = new ExpertRanker(knowledge, new KnowledgeIndex(knowledge));
        return ranker.Rank(new ExpertQuery(topics, roles ?? [], asked, day ?? Monday, day is not null, Monday, lang));
    }

    private static string[] Ids(IEnumerable<RankedExpert> ranked) => [.. ranked.Select(r => r.Expert.Id)];

    public static TheoryData<string, ExpertSpec[], string[], string?, DateOnly?, string> FirstChoice => new()
    {
        {
            "topic beats a role plus a municipality",
            [
                new("role-only", "Aafke", ["lvb"], ["Oldambt"], AllWeek, Role: "gedragswetenschapper"),
                new("topic", "Zwaantje", ["vechtscheiding"], ["Veendam"], AllWeek),
            ],
            ["vechtscheiding"], "Oldambt", null, "topic"
        },
        {
            "specific municipality beats the whole region",
            [
                new("everywhere", "Aafke", ["vechtscheiding"], ["*"], AllWeek),
                new("specific", "Zwaantje", ["vechtscheiding"], ["Oldambt"], AllWeek),
            ],
            ["vechtscheiding"], "Oldambt", null, "specific"
        },
        {
            "the whole region beats another municipality",
            [
                new("elsewhere", "Aafke", ["vechtscheiding"], ["Veendam"], AllWeek),
                new("everywhere", "Zwaantje", ["vechtscheiding"], ["*"], AllWeek),
            ],
            ["vechtscheiding"], "Oldambt", null, "everywhere"
        },
        {
            "available on the asked day beats not available",
            [
                new("monday", "Aafke", ["vechtscheiding"], ["Oldambt"], ["ma", "di"]),
                new("friday", "Zwaantje", ["vechtscheiding"], ["Oldambt"], ["vr"]),
            ],
            ["vechtscheiding"], "Oldambt", new DateOnly(2026, 11, 27), "friday"
        },
        {
            "two topics beat one",
            [
                new("one", "Aafke", ["vechtscheiding"], ["Oldambt"], AllWeek),
                new("two", "Zwaantje", ["vechtscheiding", "nazorg"], ["Veendam"], ["za"]),
            ],
            ["vechtscheiding", "nazorg"], "Oldambt", null, "two"
        },
    };

    [Theory]
    [MemberData(nameof(FirstChoice))]
    public void Rank_Rule_PutsExpectedExpertFirst(string rule, ExpertSpec[] experts, string[] topics, string? municipality, DateOnly? day, string first)
    {
        var ranking = Rank(experts, topics, municipality, day);

        Assert.True(ranking.Recommended[0].Expert.Id == first, $"{rule}: got {string.Join(", ", Ids(ranking.Recommended))}");
    }

    [Fact]
    public void Rank_NotAcceptingExpertScoresBest_NeverRecommendedButListed()
    {
        var ranking = Rank(
            [
                new("closed", "Aafke", ["vechtscheiding", "nazorg"], ["Oldambt"], AllWeek, AcceptsRequests: false),
                new("open", "Zwaantje", ["vechtscheiding"], ["Veendam"], ["za"]),
            ],
            ["vechtscheiding", "nazorg"], "Oldambt");

        Assert.Equal(["open"], Ids(ranking.Recommended));
        Assert.Equal(["closed"], Ids(ranking.NotAcceptingRequests));
        Assert.Contains("neemt nu geen aanvragen aan", ranking.NotAcceptingRequests[0].Reasons);
    }

    [Fact]
    public void Rank_OnlyNotAcceptingExpertsMatch_RecommendsNobody()
    {
        var ranking = Rank([new("closed", "Aafke", ["vechtscheiding"], ["*"], AllWeek, AcceptsRequests: false)], ["vechtscheiding"]);

        Assert.Empty(ranking.Recommended);
        Assert.Equal(["closed"], Ids(ranking.NotAcceptingRequests));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Rank_EqualScores_OrderedByNameThenIdWhateverTheFileOrder(bool reversed)
    {
        ExpertSpec[] experts =
        [
            new("e-2", "Bakker", ["lvb"], ["*"], AllWeek),
            new("e-3", "Aalders", ["lvb"], ["*"], AllWeek),
            new("e-1", "Bakker", ["lvb"], ["*"], AllWeek),
        ];

        var ranking = Rank(reversed ? [.. experts.Reverse()] : experts, ["lvb"]);

        Assert.Equal(["e-3", "e-1", "e-2"], Ids(ranking.Recommended));
        Assert.Single(ranking.Recommended.Select(r => r.Score).Distinct());
    }

    [Fact]
    public void Rank_ManyMatches_RecommendsAtMostFive()
    {
        var experts = Enumerable.Range(1, 8).Select(i => new ExpertSpec($"e-{i}", $"Expert {i}", ["lvb"], ["*"], AllWeek)).ToArray();

        Assert.Equal(5, Rank(experts, ["lvb"]).Recommended.Count);
    }

    [Fact]
    public void Rank_NoExpertHasTheTopic_ReturnsNobody()
    {
        var ranking = Rank([new("e-1", "Aafke", ["lvb"], ["*"], AllWeek)], ["nazorg"]);

        Assert.Empty(ranking.Recommended);
        Assert.Empty(ranking.NotAcceptingRequests);
    }

    public static TheoryData<Lang, DateOnly?, string[]> ReasonPieces => new()
    {
        { Lang.Nl, null, ["vechtscheiding", "werkt in Oldambt", "vandaag beschikbaar"] },
        { Lang.Nl, new DateOnly(2026, 11, 24), ["vechtscheiding", "werkt in Oldambt", "morgen niet beschikbaar (wel ma, vr)"] },
        { Lang.Nl, new DateOnly(2026, 11, 27), ["vechtscheiding", "werkt in Oldambt", "op vrijdag beschikbaar"] },
        { Lang.En, null, ["vechtscheiding", "works in Oldambt", "available today"] },
        { Lang.En, new DateOnly(2026, 11, 25), ["vechtscheiding", "works in Oldambt", "not available on wednesday (available Mon, Fri)"] },
    };

    [Theory]
    [MemberData(nameof(ReasonPieces))]
    public void Rank_Reasons_NameTopicMunicipalityAndDayInTheAskersLanguage(Lang lang, DateOnly? day, string[] pieces)
    {
        var ranking = Rank([new("e-1", "Aafke", ["vechtscheiding"], ["Oldambt"], ["ma", "vr"])], ["vechtscheiding"], "Oldambt", day, lang);

        Assert.Equal(pieces, ranking.Recommended[0].Reasons);
    }

    [Theory]
    [InlineData(Lang.Nl, "werkt in de hele regio, ook Oldambt")]
    [InlineData(Lang.En, "works in the whole region, incl. Oldambt")]
    public void Rank_RegionWideExpert_ReasonSaysSo(Lang lang, string reason)
    {
        var ranking = Rank([new("e-1", "Aafke", ["lvb"], ["*"], AllWeek)], ["lvb"], "Oldambt", lang: lang);

        Assert.Contains(reason, ranking.Recommended[0].Reasons);
    }

    [Fact]
    public void Rank_EnglishQuestion_EnglishSpeakerFirstAmongEquals()
    {
        var ranking = Rank(
            [
                new("nl-only", "Aafke", ["lvb"], ["*"], AllWeek),
                new("speaks-en", "Zwaantje", ["lvb"], ["*"], AllWeek, Languages: ["nl", "en"]),
            ],
            ["lvb"], lang: Lang.En);

        Assert.Equal(["speaks-en", "nl-only"], Ids(ranking.Recommended));
        Assert.Contains("speaks English", ranking.Recommended[0].Reasons);
    }

    [Fact]
    public void Rank_RoleAsked_MatchesByRole()
    {
        var ranking = Rank(
            [
                new("jb", "Aafke", ["lvb"], ["*"], AllWeek),
                new("gw", "Zwaantje", ["nazorg"], ["*"], AllWeek, Role: "gedragswetenschapper"),
            ],
            [], roles: ["gedragswetenschapper"]);

        Assert.Equal(["gw"], Ids(ranking.Recommended));
        Assert.Contains("gedragswetenschapper", ranking.Recommended[0].Reasons);
    }
}
