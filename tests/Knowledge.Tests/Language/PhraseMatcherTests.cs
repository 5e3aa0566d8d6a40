using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Language;

public sealed class PhraseMatcherTests
{
    private static readonly PhraseMatcher<string> Matcher = new([
        ("mishandeling", "abuse"),
        ("werken niet mee", "no-cooperation"),
        ("direct gevaar", "danger"),
        ("scheiding", "divorce"),
        ("regie overnemen", "take-over"),
        ("immediate danger", "danger"),
    ]);

    private static IReadOnlyList<PhraseHit<string>> Match(string text, Lang lang = Lang.Nl) =>
        Matcher.Match(TextAnalyzer.Analyze(text, lang), lang);

    [Theory]
    [InlineData("vermoeden van kindermishandeling", "abuse")]
    [InlineData("er is sprake van mishandeling", "abuse")]
    [InlineData("ouderenmishandeling en partnermishandeling", "abuse")]
    [InlineData("twee scheidingen", "divorce")]
    [InlineData("de ouders werken totaal niet mee", "no-cooperation")]
    [InlineData("de regie tijdelijk overnemen", "take-over")]
    [InlineData("het kind verkeert in direct en groot gevaar", "danger")]
    [InlineData("the child is in immediate danger", "danger")]
    public void Match_StemsGapsAndCompounds_FindsPhrase(string text, string payload)
    {
        var lang = LanguageDetector.Detect(text);

        Assert.Contains(Match(text, lang), h => h.Payload == payload && !h.Negated);
    }

    [Theory]
    [InlineData("direct is er niets, maar het gevaar blijft")]
    [InlineData("de regie, of wat ervan over is, overnemen")]
    [InlineData("een handeling")]
    public void Match_WordsInOtherClausesOrTooShort_NoHit(string text)
    {
        Assert.DoesNotContain(Match(text), h => h.Payload is "danger" or "take-over" or "abuse");
    }

    [Theory]
    [InlineData("er is geen direct gevaar", "danger", true)]
    [InlineData("er is niet direct gevaar", "danger", true)]
    [InlineData("geen direct gevaar, maar wel mishandeling", "abuse", false)]
    [InlineData("er is geen gevaar maar wel mishandeling", "abuse", false)]
    [InlineData("geen idee; mishandeling vermoed", "abuse", false)]
    [InlineData("there is no immediate danger", "danger", true)]
    [InlineData("ik zie geen mishandeling", "abuse", true)]
    [InlineData("nooit eerder mishandeling gezien", "abuse", true)]
    [InlineData("de ouders werken niet mee", "no-cooperation", false)]
    public void Match_Negation_BoundedByClause(string text, string payload, bool negated)
    {
        var lang = LanguageDetector.Detect(text);

        Assert.Equal(negated, Match(text, lang).First(h => h.Payload == payload).Negated);
    }
}
