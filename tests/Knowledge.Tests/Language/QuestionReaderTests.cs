using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Language;

/// <summary>What the reader takes from a question, against the shipped knowledge.</summary>
public sealed class QuestionReaderTests
{
    private static Understanding Read(string text) => TestKnowledge.Ask(text).Understanding;

    [Theory]
    [InlineData("Wie kan ik raadplegen over vechtscheiding in de stad Groningen?", "Groningen")]
    [InlineData("Wie weet iets van huiselijk geweld in het hogeland?", "Het Hogeland")]
    [InlineData("Wie weet iets van huiselijk geweld in Midden-Groningen?", "Midden-Groningen")]
    [InlineData("Wie weet iets van huiselijk geweld in midden groningen?", "Midden-Groningen")]
    [InlineData("Wie kan helpen bij nazorg in Hoogezand?", "Midden-Groningen")]
    [InlineData("Expert voor vechtscheiding in Ter Apel?", "Westerwolde")]
    [InlineData("Wie kan ik in Haren bellen over mishandeling?", "Groningen")]
    [InlineData("Vechtscheiding in Winschoten, wie weet daar iets van?", "Oldambt")]
    [InlineData("Who can I consult about child abuse in The Hague?", "Den Haag")]
    [InlineData("Wie kan ik in Delfzijl raadplegen over lvb?", "Eemsdelta")]
    public void Read_MunicipalityOrAlias_CanonicalName(string question, string municipality)
    {
        Assert.Equal(municipality, Read(question).Municipality?.Name);
    }

    [Theory]
    [InlineData("Wie kan ik raadplegen over vechtscheiding?")]
    [InlineData("Ik zoek een expert op het gebied van lvb.")]
    public void Read_NoPlaceNamed_NoMunicipality(string question)
    {
        Assert.Null(Read(question).Municipality);
    }

    [Theory]
    [InlineData("Wie is vandaag beschikbaar voor lvb?", 0)]
    [InlineData("Wie kan ik morgen bellen over een uithuisplaatsing?", 1)]
    [InlineData("Wie is er overmorgen beschikbaar voor lvb?", 2)]
    [InlineData("Wie is er vrijdag beschikbaar voor nazorg?", 4)]
    [InlineData("Wie kan ik maandag bellen over lvb?", 0)]
    [InlineData("Wie is zondag bereikbaar voor kindermishandeling?", 6)]
    [InlineData("Who is available on Wednesday for a safety plan?", 2)]
    [InlineData("Who is available today for neglect?", 0)]
    [InlineData("Who can I call tomorrow about foster care?", 1)]
    public void Read_DayWord_DayRelativeToMonday(string question, int daysAhead)
    {
        var understanding = Read(question);

        Assert.True(understanding.DayAsked);
        Assert.Equal(TestKnowledge.Monday.AddDays(daysAhead), understanding.Day);
    }

    [Fact]
    public void Read_NoDayWord_TodayNotAsked()
    {
        var understanding = Read("Wie kan ik raadplegen over lvb?");

        Assert.False(understanding.DayAsked);
        Assert.Equal(TestKnowledge.Monday, understanding.Day);
    }

    [Theory]
    [InlineData("Wie heeft ervaring met vechtscheidingen?", "vechtscheiding")]
    [InlineData("Wie kent veel van uithuisplaatsingen en pleegzorg?", "uithuisplaatsing")]
    [InlineData("Wie weet iets van mishandeling?", "kindermishandeling")]
    [InlineData("Ik zoek iemand voor vermoedelijke kindermishandeling", "kindermishandeling")]
    [InlineData("Who knows about a high-conflict divorce?", "vechtscheiding")]
    [InlineData("Wie helpt bij een thuiszitter?", "schoolverzuim")]
    [InlineData("Wie weet veel van ouders met een verstandelijke beperking?", "lvb")]
    public void Read_TopicSynonymOrInflection_Topic(string question, string topic)
    {
        Assert.Contains(topic, Read(question).Topics);
    }

    [Theory]
    [InlineData("De maatregel is beeindigd, wat nu?")]
    [InlineData("De maatregel is beëindigd, wat nu?")]
    [InlineData("De maatregel is BEËINDIGD, wat nu?")]
    public void Read_DiacriticsOrNot_SameSignal(string question)
    {
        Assert.True(Read(question).Signals["maatregel-beeindigd"]);
    }

    [Theory]
    [InlineData("Ouders werken wel mee en ik wil sparren.", "ouders-werken-niet-mee", false)]
    [InlineData("Ouders werken niet mee.", "ouders-werken-niet-mee", true)]
    [InlineData("Er is geen acuut gevaar, maar ouders weigeren hulp.", "acuut-gevaar", false)]
    [InlineData("Er is geen acuut gevaar, maar ouders weigeren hulp.", "ouders-werken-niet-mee", true)]
    [InlineData("Geen mishandeling; wel een vastgelopen casus.", "vermoeden-mishandeling", false)]
    [InlineData("Geen mishandeling; wel een vastgelopen casus.", "stagnatie", true)]
    [InlineData("Er loopt geen maatregel, ik wil sparren.", "maatregel-loopt", false)]
    [InlineData("Parents are cooperating, I want a sounding board.", "ouders-werken-niet-mee", false)]
    [InlineData("Parents do not cooperate.", "ouders-werken-niet-mee", true)]
    [InlineData("There is no immediate danger but the parents refuse help.", "acuut-gevaar", false)]
    public void Read_NegationAndCounterPhrases_SignalValue(string question, string signal, bool value)
    {
        Assert.Equal(value, Read(question).Signals[signal]);
    }

    [Theory]
    [InlineData("Wie kan ik raadplegen over een vechtscheiding?", Lang.Nl)]
    [InlineData("Ouders werken niet mee, wat nu?", Lang.Nl)]
    [InlineData("Kan de GI aansluiten bij een netwerkberaad?", Lang.Nl)]
    [InlineData("Vechtscheiding Oldambt", Lang.Nl)]
    [InlineData("Who can I consult about a high-conflict divorce?", Lang.En)]
    [InlineData("The parents refuse all help, what should I do?", Lang.En)]
    [InlineData("Is there an expert on neglect available on Friday?", Lang.En)]
    public void Detect_Question_Language(string question, Lang lang)
    {
        Assert.Equal(lang, LanguageDetector.Detect(question));
        Assert.Equal(lang, TestKnowledge.Ask(question).Language);
    }

    [Fact]
    public void Ask_DutchQuestionWithEnglishLocale_AnswersInDutch()
    {
        // Many Dutch professionals run Teams in English; the question's own language decides.
        Assert.Equal(Lang.Nl, TestKnowledge.Ask("Wie kan ik raadplegen over een vechtscheiding?", locale: Lang.En).Language);
    }

    [Theory]
    [InlineData("Vechtscheiding Oldambt?", Lang.En, Lang.En)]
    [InlineData("Vechtscheiding Oldambt?", null, Lang.Nl)]
    [InlineData("OTS", Lang.En, Lang.En)]
    public void Ask_QuestionWithoutLanguageCues_LocaleDecides(string question, Lang? locale, Lang expected)
    {
        Assert.Equal(expected, TestKnowledge.Ask(question, locale: locale).Language);
    }
}
