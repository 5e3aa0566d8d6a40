using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Routes;

/// <summary>
/// Underspecified route questions get a follow-up question instead of a guess. A turn repeats the question with
/// the signals set by every choice made so far and the follow-ups already asked, as the conversation layer does.
/// </summary>
public sealed class FollowUpTests
{
    private const int MaxTurns = 4;

    public static TheoryData<string> Underspecified => new()
    {
        "Welke route past hier?",
        "Wat is de beste route voor dit gezin?",
        "Wat moet ik doen?",
        "Ik wil hulp van de GI.",
        "We zitten vast met een gezin.",
        "De hulp stagneert, wat nu?",
        "De veiligheid van het kind is ernstig bedreigd, wat moet ik doen?",
        "Er is geen direct gevaar, welke route?",
        "De ouders werken wel mee, welke route?",
        "Er loopt geen maatregel, welke route past?",
        "We hebben te weinig capaciteit, wat nu?",
        "Which route fits?",
        "We have no progress in a case, which route?",
    };

    [Theory]
    [MemberData(nameof(Underspecified))]
    public void Ask_UnderspecifiedRouteQuestion_AsksFollowUpInsteadOfRoute(string question)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.Equal(Intent.Route, answer.Intent);
        Assert.Null(answer.Route);
        Assert.NotNull(answer.FollowUp);
        Assert.True(answer.FollowUp.Choices.Count >= 2);
        Assert.All(answer.FollowUp.Choices, c => Assert.NotEmpty(c.Sets));
        Assert.Empty(answer.Experts.Recommended);
    }

    [Theory]
    [MemberData(nameof(Underspecified))]
    public void Ask_EveryChainOfChoices_EndsInRouteWithinFourTurnsWithoutRepeatingAFollowUp(string question)
    {
        var problems = new List<string>();
        Walk(question, new Dictionary<string, bool>(StringComparer.Ordinal), [], turn: 1, path: "", problems);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Theory]
    [InlineData("acuut", "acuut")]
    [InlineData("maatregel-loopt", "samenwerking-tijdens-maatregel")]
    [InlineData("maatregel-afgelopen", "nazorg")]
    [InlineData("vermoeden", "veilig-thuis")]
    [InlineData("weigeren", "raadsonderzoek")]
    [InlineData("sparren", "informatie-en-advies")]
    public void Ask_SituationChoice_LeadsToItsRoute(string choice, string route)
    {
        var first = TestKnowledge.Ask("Welke route past hier?");
        var chosen = first.FollowUp!.Choices.Single(c => c.Value == choice);

        var next = Answer(first, "Welke route past hier?", chosen);

        Assert.Equal(route, next.Route?.Route.Id);
        Assert.Null(next.FollowUp);
    }

    [Theory]
    [InlineData("advies", "informatie-en-advies")]
    [InlineData("meedoen", "aansluiten-en-ondersteunen")]
    [InlineData("overnemen", "specialistisch-casemanagement")]
    public void Ask_HelpFromGiThenRoleChoice_LeadsToItsRoute(string role, string route)
    {
        const string question = "Ik wil hulp van de GI.";
        var first = TestKnowledge.Ask(question);
        var second = Answer(first, question, first.FollowUp!.Choices.Single(c => c.Value == "hulp-nodig"));
        Assert.NotNull(second.FollowUp);
        Assert.NotEqual(first.FollowUp.Id, second.FollowUp.Id);

        var third = Answer(second, question, second.FollowUp.Choices.Single(c => c.Value == role), first.FollowUp.Id);

        Assert.Equal(route, third.Route?.Route.Id);
    }

    [Fact]
    public void Ask_AnsweredFollowUp_SignalsCarryIntoTheAnswer()
    {
        var first = TestKnowledge.Ask("Wat moet ik doen?");
        var choice = first.FollowUp!.Choices.Single(c => c.Value == "weigeren");

        var next = Answer(first, "Wat moet ik doen?", choice);

        Assert.All(choice.Sets, s => Assert.Equal(s.Value, next.Signals[s.Key]));
    }

    [Fact]
    public void Ask_EnglishUnderspecifiedQuestion_FollowUpInEnglish()
    {
        var answer = TestKnowledge.Ask("Which route fits?");

        Assert.Equal(Lang.En, answer.Language);
        Assert.Contains(answer.FollowUp!.Question.For(Lang.En), answer.Text);
        Assert.Contains("To choose the right route", answer.Text);
        Assert.All(answer.FollowUp.Choices, c => Assert.Contains(c.Label.For(Lang.En), answer.Text));
    }

    [Fact]
    public void Ask_DutchUnderspecifiedQuestion_FollowUpInDutchWithChoices()
    {
        var answer = TestKnowledge.Ask("Welke route past hier?");

        Assert.Contains("Om de juiste route te kiezen", answer.Text);
        Assert.All(answer.FollowUp!.Choices, c => Assert.Contains("- " + c.Label.Nl, answer.Text));
    }

    private static Answer Answer(Answer previous, string question, FollowUpChoice choice, params string[] askedBefore)
    {
        var known = new Dictionary<string, bool>(previous.Signals, StringComparer.Ordinal);
        foreach (var (signal, value) in choice.Sets)
        {
            known[signal] = value;
        }

        return TestKnowledge.Shipped.Ask(new Question(
            question, TestKnowledge.Monday, KnownSignals: known, AskedFollowUps: new HashSet<string>([.. askedBefore, previous.FollowUp!.Id])));
    }

    private static void Walk(string question, Dictionary<string, bool> known, HashSet<string> asked, int turn, string path, List<string> problems)
    {
        var answer = TestKnowledge.Shipped.Ask(new Question(question, TestKnowledge.Monday, KnownSignals: known, AskedFollowUps: asked));
        if (answer.Route is not null)
        {
            return;
        }

        if (answer.FollowUp is null)
        {
            problems.Add($"[{path}] ends without route or follow-up");
            return;
        }

        if (asked.Contains(answer.FollowUp.Id))
        {
            problems.Add($"[{path}] asks '{answer.FollowUp.Id}' again");
            return;
        }

        if (turn >= MaxTurns)
        {
            problems.Add($"[{path}] still asks '{answer.FollowUp.Id}' at turn {turn}");
            return;
        }

        foreach (var choice in answer.FollowUp.Choices)
        {
            var next = new Dictionary<string, bool>(known, StringComparer.Ordinal);
            foreach (var (signal, value) in choice.Sets)
            {
                next[signal] = value;
            }

            Walk(question, next, [.. asked, answer.FollowUp.Id], turn + 1, $"{path} {answer.FollowUp.Id}={choice.Value}", problems);
        }
    }
}
