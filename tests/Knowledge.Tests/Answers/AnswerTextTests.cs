using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Answers;

public sealed class AnswerTextTests
{
    [Theory]
    [InlineData("Ik vermoed kindermishandeling, wat moet ik doen?", "veilig-thuis")]
    [InlineData("Kan de GI de regie tijdelijk overnemen? Het is een zeer complexe casus.", "specialistisch-casemanagement")]
    [InlineData("De maatregel is beëindigd en we willen afschalen, welke route past?", "nazorg")]
    public void Compose_DutchRouteAnswer_NameNextStepAndSources(string question, string route)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.Equal(Lang.Nl, answer.Language);
        Assert.Equal(route, answer.Route?.Route.Id);
        Assert.Contains("Route: " + answer.Route!.Route.Name.Nl, answer.Text);
        Assert.Contains("Volgende stap: " + answer.Route.Route.NextStep.Nl, answer.Text);
        Assert.Contains("Bronnen:", answer.Text);
        Assert.Contains("Waarom: ", answer.Text);
        Assert.NotEmpty(answer.Sources);
        Assert.All(answer.Route.Route.Sources, s => Assert.Contains(s, answer.Sources));
    }

    [Theory]
    [InlineData("I suspect child abuse in a family, what should I do?", null)]
    [InlineData("Vermoeden kindermishandeling?", Lang.En)]
    public void Compose_EnglishQuestionOrLocale_EnglishRouteAnswer(string question, Lang? locale)
    {
        var answer = TestKnowledge.Ask(question, locale: locale);

        Assert.Equal(Lang.En, answer.Language);
        Assert.Contains("Next step: " + answer.Route!.Route.NextStep.For(Lang.En), answer.Text);
        Assert.Contains("Sources:", answer.Text);
        Assert.DoesNotContain("Volgende stap", answer.Text);
        Assert.DoesNotContain("Bronnen", answer.Text);
    }

    [Theory]
    [InlineData("Wat kun je allemaal?", "Ik help casemanagers")]
    [InlineData("What can you do?", "I help casemanagers")]
    [InlineData("Hoe laat gaat de bus naar Assen?", "Daar kan ik je helaas niet mee helpen")]
    [InlineData("When does the next train to Emmen leave?", "I can't help with that")]
    [InlineData("Ik wil een adviesaanvraag indienen bij de GI.", "aanvraagformulier")]
    [InlineData("Welke herinneringen heb ik staan?", "herinner je aan afgesproken evaluatiedata")]
    public void Compose_NonRouteIntent_TextInAskersLanguage(string question, string expected)
    {
        Assert.Contains(expected, TestKnowledge.Ask(question).Text);
    }

    [Fact]
    public void Compose_RouteAnswer_EveryRouteHasNextStepInBothLanguages()
    {
        foreach (var route in TestKnowledge.Shipped.Knowledge.Routes)
        {
            Assert.False(string.IsNullOrWhiteSpace(route.NextStep.Nl), route.Id);
            Assert.False(string.IsNullOrWhiteSpace(route.NextStep.En), route.Id);
        }
    }
}
