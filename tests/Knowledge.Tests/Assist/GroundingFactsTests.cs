using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class GroundingFactsTests
{
    [Fact]
    public void From_RouteAnswer_RouteWithItsStepsAndEverySource()
    {
        var answer = TestKnowledge.Ask("Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?");

        var facts = GroundingFacts.From(answer);

        Assert.Equal(answer.Route!.Route.Id, facts.Route!.Id);
        Assert.Equal(answer.Route.Route.NextStep.Nl, facts.Route.NextStep);
        Assert.Equal(answer.Route.Reasons.Count, facts.Route.Reasons.Count);
        Assert.Equal(answer.Sources.Count, facts.Sources.Count);
        Assert.Equal(new HashSet<string>([answer.Route.Route.Id]), facts.RouteIds);
        Assert.Empty(facts.ExpertIds);
    }

    [Fact]
    public void From_WhoAnswer_TheExpertsTheCardShowsWithContacts()
    {
        var answer = TestKnowledge.Ask("Wie kan ik raadplegen over huiselijk geweld of kindermishandeling?");
        Assert.True(answer.Experts.Recommended.Count > GroundingFacts.MaxExperts);

        var facts = GroundingFacts.From(answer);

        Assert.Equal(answer.Experts.Recommended.Take(GroundingFacts.MaxExperts).Select(e => e.Expert.Id), facts.Experts.Select(e => e.Id));
        Assert.All(facts.Experts, e => Assert.False(string.IsNullOrEmpty(e.Contact)));
        Assert.Null(facts.Route);
    }

    [Fact]
    public void From_EnglishAnswer_FactsInEnglish()
    {
        var answer = TestKnowledge.Ask("Parents refuse all cooperation and the child remains unsafe, what now?");
        Assert.Equal(Lang.En, answer.Language);

        var facts = GroundingFacts.From(answer);

        Assert.Equal("en", facts.Language);
        Assert.Equal(answer.Route!.Route.Name.En, facts.Route!.Name);
    }

    [Fact]
    public void ToJson_QuestionWithPersonalData_HoldsNeitherTheQuestionNorTheData()
    {
        const string question = "Wie kan ik raadplegen over een vechtscheiding in Oldambt? BSN 111222333, moeder belt van 06-12345678.";
        var answer = TestKnowledge.Ask(question);
        Assert.NotEmpty(answer.Pii);

        var json = GroundingFacts.From(answer).ToJson();

        Assert.DoesNotContain("111222333", json);
        Assert.DoesNotContain("12345678", json);
        Assert.DoesNotContain("moeder belt", json);
        Assert.Contains("s-01", json);
    }

    [Theory]
    [InlineData("Wie kan ik raadplegen over een vechtscheiding in Oldambt?", true)]
    [InlineData("Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?", true)]
    [InlineData("Wat is het tarief van de GI?", true)]
    [InlineData("Welke route?", false)]
    [InlineData("help", false)]
    [InlineData("Wie wint het WK?", false)]
    [InlineData("Ik wil advies vragen aan de GI", false)]
    public void CanPhrase_OnlyAnswersWithFactsToWord(string question, bool expected)
    {
        Assert.Equal(expected, GroundingFacts.CanPhrase(TestKnowledge.Ask(question)));
    }
}
