using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class PhrasingCheckTests
{
    private const string WhoQuestion = "Wie kan ik raadplegen over een vechtscheiding in Oldambt?";
    private const string RouteQuestion = "Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?";

    private static KnowledgeBase Knowledge => TestKnowledge.Shipped.Knowledge;

    private static string? Check(string question, string text, string[]? experts = null, string[]? routes = null) =>
        PhrasingCheck.Reject(new PhrasedAnswer(text, experts ?? [], routes ?? []), GroundingFacts.From(TestKnowledge.Ask(question)), Knowledge);

    [Fact]
    public void Reject_WordingFromTheFacts_Accepted()
    {
        var expert = TestKnowledge.Ask(WhoQuestion).Experts.Recommended[0].Expert;

        var verdict = Check(WhoQuestion, $"Neem contact op met {expert.Name}: die kent vechtscheidingen in Oldambt.", [expert.Id]);

        Assert.Null(verdict);
    }

    [Fact]
    public void Reject_RouteWording_AcceptedWithItsOwnRoute()
    {
        var route = TestKnowledge.Ask(RouteQuestion).Route!.Route;

        Assert.Null(Check(RouteQuestion, $"{route.Name.Nl}: {route.NextStep.Nl}", routes: [route.Id]));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Reject_Empty_Rejected(string text)
    {
        Assert.Equal(PhrasingCheck.Empty, Check(WhoQuestion, text));
    }

    [Fact]
    public void Reject_LongerThanTheCap_Rejected()
    {
        Assert.Equal(PhrasingCheck.TooLong, Check(WhoQuestion, new string('a', PhrasingCheck.MaxLength + 1)));
    }

    [Fact]
    public void Reject_ExpertIdOutsideTheFacts_Rejected()
    {
        Assert.Equal(PhrasingCheck.UnknownExpert, Check(WhoQuestion, "Er is iemand die kan helpen.", ["s-12"]));
    }

    [Theory]
    [InlineData("Rutger Pol kan ook helpen.")]
    [InlineData("rutger pol kan ook helpen.")]
    [InlineData("Vraag naar s-12.")]
    public void Reject_ExpertNamedInTheTextOutsideTheFacts_Rejected(string text)
    {
        Assert.DoesNotContain("s-12", GroundingFacts.From(TestKnowledge.Ask(WhoQuestion)).ExpertIds);

        Assert.Equal(PhrasingCheck.UnknownExpert, Check(WhoQuestion, text));
    }

    [Fact]
    public void Reject_PartOfAWordThatLooksLikeAName_Accepted()
    {
        Assert.False(PhrasingCheck.Mentions("Het nazorgtraject loopt.", "Nazorg"));
        Assert.True(PhrasingCheck.Mentions("Daarna: nazorg.", "Nazorg"));
    }

    [Theory]
    [InlineData("Dit is een zaak voor Nazorg.", null)]
    [InlineData("Kies specialistisch casemanagement.", null)]
    [InlineData("Kies het acute pad.", "acuut")]
    [InlineData("Kies de route.", "veilig-thuis")]
    [InlineData("Choose Aftercare.", null)]
    public void Reject_AnotherRoute_Rejected(string text, string? routeId)
    {
        Assert.Equal(PhrasingCheck.UnknownRoute, Check(RouteQuestion, text, routes: routeId is null ? null : [routeId]));
    }

    [Fact]
    public void Reject_RouteTheFactsThemselvesName_Accepted()
    {
        var answer = TestKnowledge.Ask(RouteQuestion);
        var facts = GroundingFacts.From(answer) with { Articles = [new ArticleFacts("a", "Nazorg", "Na de maatregel volgt Nazorg.", [])] };

        var verdict = PhrasingCheck.Reject(new PhrasedAnswer("Daarna volgt nazorg.", [], [answer.Route!.Route.Id]), facts, Knowledge);

        Assert.Null(verdict);
    }

    [Fact]
    public void Reject_OrganisationOutsideTheFacts_Rejected()
    {
        var organisation = Knowledge.Organisations[0].Name;
        Assert.DoesNotContain(organisation, GroundingFacts.From(TestKnowledge.Ask(RouteQuestion)).ToJson());

        Assert.Equal(PhrasingCheck.UnknownOrganisation, Check(RouteQuestion, $"Bel {organisation}."));
    }

    [Theory]
    [InlineData("Bel 06-98765432 voor een afspraak.")]
    [InlineData("Mail naar hulp@example.org.")]
    public void Reject_ContactDetailsTheFactsDoNotHave_Rejected(string text)
    {
        Assert.Equal(PhrasingCheck.InventedContact, Check(WhoQuestion, text));
    }

    [Fact]
    public void Reject_ContactDetailsFromTheFacts_Accepted()
    {
        const string question = "Wie kan ik raadplegen over huiselijk geweld in Groningen?";
        var expert = TestKnowledge.Ask(question).Experts.Recommended.First(e => e.Expert.Contact.Phone is not null && e.Expert.Contact.Email is not null).Expert;

        Assert.Null(Check(question, $"{expert.Name} is bereikbaar op {expert.Contact.Phone} en via {expert.Contact.Email}.", [expert.Id]));
    }

    [Fact]
    public void Apply_Wording_ReplacesTheTextKeepsPrivacyNoticeAndSources()
    {
        var answer = TestKnowledge.Ask(RouteQuestion + " Moeder heeft BSN 111222333.");
        Assert.NotEmpty(answer.Pii);

        var worded = PhrasingCheck.Apply(answer, new PhrasedAnswer("  Kort gezegd: vraag een raadsonderzoek aan.  ", [], []));

        Assert.Equal("Kort gezegd: vraag een raadsonderzoek aan.", worded.Phrasing);
        Assert.StartsWith("Let op: je bericht bevat persoonsgegevens", worded.Text);
        Assert.Contains("Kort gezegd: vraag een raadsonderzoek aan.", worded.Text);
        Assert.Contains("Bronnen:", worded.Text);
        Assert.All(answer.Sources, s => Assert.Contains(s.Document, worded.Text));
        Assert.DoesNotContain(answer.Route!.Route.Summary.Nl, worded.Text);
        Assert.Equal(answer.Route, worded.Route);
    }
}
