using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Language;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class UnderstandingMergeTests
{
    private static readonly DateOnly Today = TestKnowledge.Monday;

    private static ModelReading Model(
        string intent = "unknown",
        bool acute = false,
        string[]? present = null,
        string[]? absent = null,
        string[]? topics = null,
        string? municipality = null,
        DateOnly? day = null) => new(intent, acute, present ?? [], absent ?? [], topics ?? [], municipality, day);

    private static MergedUnderstanding Merge(string question, ModelReading model) =>
        UnderstandingMerge.Merge(TestKnowledge.Ask(question).Understanding, model, TestKnowledge.Shipped.Knowledge, Today);

    [Fact]
    public void Merge_ModelNamesAMunicipalityTheReaderMissed_Added()
    {
        var merged = Merge("Wie kan ik raadplegen over een vechtscheiding?", Model(municipality: "Oldambt"));

        Assert.Equal("Oldambt", merged.Understanding.Municipality?.Name);
        Assert.Contains("municipality", merged.Added);
    }

    [Fact]
    public void Merge_ModelNamesAnAlias_ResolvesToTheMunicipality()
    {
        var merged = Merge("Wie kan ik raadplegen over een vechtscheiding?", Model(municipality: "de stad Groningen"));

        Assert.Equal("Groningen", merged.Understanding.Municipality?.Name);
    }

    [Fact]
    public void Merge_ModelNamesAnotherMunicipalityThanTheReader_ReaderWins()
    {
        var merged = Merge("Wie kan ik raadplegen over een vechtscheiding in Oldambt?", Model(municipality: "Veendam"));

        Assert.Equal("Oldambt", merged.Understanding.Municipality?.Name);
        Assert.DoesNotContain("municipality", merged.Added);
    }

    [Fact]
    public void Merge_ModelNamesThingsTheKnowledgeDoesNotHave_Dropped()
    {
        var embedded = TestKnowledge.Ask("Wie kan ik raadplegen?").Understanding;

        var merged = UnderstandingMerge.Merge(
            embedded,
            Model(present: ["verzonnen-signaal"], topics: ["verzonnen-onderwerp"], municipality: "Atlantis"),
            TestKnowledge.Shipped.Knowledge,
            Today);

        Assert.Empty(merged.Added);
        Assert.Equal(embedded.Signals, merged.Understanding.Signals);
        Assert.Equal(embedded.Topics, merged.Understanding.Topics);
        Assert.Null(merged.Understanding.Municipality);
    }

    [Fact]
    public void Merge_ModelAddsKnownTopicsAndSignals_KeepsTheReadersFirst()
    {
        var merged = Merge("Wie kan ik raadplegen over een vechtscheiding?", Model(topics: ["lvb", "vechtscheiding"], present: ["stagnatie"]));

        Assert.Equal(["vechtscheiding", "lvb"], merged.Understanding.Topics);
        Assert.True(merged.Understanding.Signals["stagnatie"]);
        Assert.Equal(["signal:stagnatie", "topic:lvb"], merged.Added);
    }

    [Fact]
    public void Merge_ModelSaysAcute_AcuteWinsAndTheQuestionIsARouteQuestion()
    {
        var merged = Merge("Hoe lang duurt een raadsonderzoek?", Model(acute: true));

        Assert.True(merged.Understanding.Signals[UnderstandingMerge.AcuteSignal]);
        Assert.Equal(Intent.Route, merged.Understanding.Intent);
    }

    [Fact]
    public void Merge_ReaderReadNoAcuteDangerButModelSeesIt_SaferReadingWins()
    {
        const string question = "Er is geen acuut gevaar, maar ouders weigeren elke medewerking.";
        Assert.False(TestKnowledge.Ask(question).Understanding.Signals.GetValueOrDefault(UnderstandingMerge.AcuteSignal, true));

        var merged = Merge(question, Model(acute: true));

        Assert.True(merged.Understanding.Signals[UnderstandingMerge.AcuteSignal]);
    }

    [Fact]
    public void Merge_ModelDeniesTheAcuteDangerTheReaderSaw_StaysAcute()
    {
        const string question = "Er is nu direct gevaar voor het kind, wat moet ik doen?";
        Assert.True(TestKnowledge.Ask(question).Understanding.Signals[UnderstandingMerge.AcuteSignal]);

        var merged = Merge(question, Model(intent: "who", acute: false, absent: [UnderstandingMerge.AcuteSignal]));

        Assert.True(merged.Understanding.Signals[UnderstandingMerge.AcuteSignal]);
    }

    [Fact]
    public void Merge_ModelDeniesAcuteDangerNobodyMentioned_NotRecordedAsAbsent()
    {
        var merged = Merge("Ouders weigeren elke medewerking.", Model(absent: [UnderstandingMerge.AcuteSignal, "stagnatie"]));

        Assert.False(merged.Understanding.Signals.ContainsKey(UnderstandingMerge.AcuteSignal));
        Assert.False(merged.Understanding.Signals["stagnatie"]);
    }

    [Fact]
    public void Merge_ModelContradictsAReadNegation_ReaderWins()
    {
        const string question = "Ouders werken wel mee, maar het loopt vast.";
        Assert.False(TestKnowledge.Ask(question).Understanding.Signals["ouders-werken-niet-mee"]);

        var merged = Merge(question, Model(present: ["ouders-werken-niet-mee"]));

        Assert.False(merged.Understanding.Signals["ouders-werken-niet-mee"]);
    }

    [Theory]
    [InlineData("who", Intent.Who)]
    [InlineData("route", Intent.Route)]
    [InlineData("request", Intent.Unknown)]
    [InlineData("reminder", Intent.Unknown)]
    [InlineData("bogus", Intent.Unknown)]
    public void Merge_ReaderFoundNoIntent_ModelMayOnlyAddWhoOrRoute(string modelIntent, Intent expected)
    {
        const string question = "Ik zit met iets lastigs.";
        Assert.Equal(Intent.Unknown, TestKnowledge.Ask(question).Understanding.Intent);

        var merged = Merge(question, Model(intent: modelIntent));

        Assert.Equal(expected, merged.Understanding.Intent);
    }

    [Fact]
    public void Merge_ReaderFoundAnIntent_ModelCannotChangeIt()
    {
        var merged = Merge("Wie kan ik raadplegen over een vechtscheiding in Oldambt?", Model(intent: "route"));

        Assert.Equal(Intent.Who, merged.Understanding.Intent);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(0, true)]
    [InlineData(-1, false)]
    [InlineData(40, false)]
    public void Merge_ModelReadsADay_OnlyFromTodayToAMonthAhead(int daysAhead, bool used)
    {
        var merged = Merge("Wie kan ik raadplegen over een vechtscheiding?", Model(day: Today.AddDays(daysAhead)));

        Assert.Equal(used, merged.Understanding.DayAsked);
        Assert.Equal(used ? Today.AddDays(daysAhead) : Today, merged.Understanding.Day);
    }

    [Fact]
    public void Merge_ReaderReadADay_ModelCannotMoveIt()
    {
        var embedded = TestKnowledge.Ask("Wie kan ik vrijdag raadplegen over een vechtscheiding?").Understanding;
        Assert.True(embedded.DayAsked);

        var merged = UnderstandingMerge.Merge(embedded, Model(day: Today.AddDays(1)), TestKnowledge.Shipped.Knowledge, Today);

        Assert.Equal(embedded.Day, merged.Understanding.Day);
    }
}
