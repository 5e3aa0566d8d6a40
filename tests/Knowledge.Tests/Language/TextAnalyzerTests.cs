using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Language;

public sealed class TextAnalyzerTests
{
    [Theory]
    [InlineData("beëindigd", "beeindigd")]
    [InlineData("Één gezin", "een gezin")]
    [InlineData("café", "cafe")]
    [InlineData("OTS", "ots")]
    public void ContentStems_Diacritics_FoldedAndLowerCased(string withMarks, string without)
    {
        Assert.Equal(TextAnalyzer.ContentStems(without, Lang.Nl), TextAnalyzer.ContentStems(withMarks, Lang.Nl));
    }

    [Theory]
    [InlineData("scheidingen", "scheiding", Lang.Nl)]
    [InlineData("hulpverleners", "hulpverlener", Lang.Nl)]
    [InlineData("uithuisplaatsingen", "uithuisplaatsing", Lang.Nl)]
    [InlineData("meewerken", "meewerk", Lang.Nl)]
    [InlineData("parents", "parent", Lang.En)]
    [InlineData("refuses", "refuse", Lang.En)]
    [InlineData("divorces", "divorce", Lang.En)]
    public void Stem_InflectedForm_SameStemAsBaseForm(string inflected, string baseForm, Lang lang)
    {
        Assert.Equal(TextAnalyzer.Stem(baseForm, lang), TextAnalyzer.Stem(inflected, lang));
    }

    [Theory]
    [InlineData("de", Lang.Nl)]
    [InlineData("het", Lang.Nl)]
    [InlineData("een", Lang.Nl)]
    [InlineData("the", Lang.En)]
    [InlineData("of", Lang.En)]
    public void Analyze_StopWord_MarkedStop(string word, Lang lang)
    {
        Assert.True(TextAnalyzer.Analyze(word, lang).Single().IsStop);
    }

    [Theory]
    [InlineData("niet", Lang.Nl)]
    [InlineData("geen", Lang.Nl)]
    [InlineData("wel", Lang.Nl)]
    [InlineData("wie", Lang.Nl)]
    [InlineData("not", Lang.En)]
    [InlineData("no", Lang.En)]
    [InlineData("who", Lang.En)]
    public void Analyze_NegationOrQuestionWord_KeptThoughOnStopList(string word, Lang lang)
    {
        Assert.False(TextAnalyzer.Analyze(word, lang).Single().IsStop);
    }

    [Theory]
    [InlineData("ouders werken niet mee, maar de hulp stagneert", 0, 4)]
    [InlineData("geen gevaar. ouders weigeren", 0, 2)]
    [InlineData("no danger but parents refuse", 0, 2)]
    [InlineData("geen gevaar; ouders weigeren (nog)", 0, 2)]
    public void Analyze_PunctuationAndMaar_StartNewClause(string text, int firstToken, int secondClauseToken)
    {
        var tokens = TextAnalyzer.Analyze(text, Lang.Nl);

        Assert.True(tokens[secondClauseToken].Clause > tokens[firstToken].Clause);
    }

    [Fact]
    public void ContentStems_SameTextEitherOrder_StopWordsIgnored()
    {
        Assert.Equal(TextAnalyzer.ContentStems("huiselijk geweld", Lang.Nl), TextAnalyzer.ContentStems("het huiselijk geweld van de", Lang.Nl));
    }
}
