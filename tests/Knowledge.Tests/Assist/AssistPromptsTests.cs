using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class AssistPromptsTests
{
    private const string Personal = "Wie kan ik raadplegen over een vechtscheiding in Oldambt? BSN 111222333, e-mail k.jansen@example.nl.";

    [Fact]
    public void Prompts_QuestionWithPersonalData_CarryOnlyTheRedactedQuestion()
    {
        var question = new Question(Personal, TestKnowledge.Monday);
        var reading = TestKnowledge.Shipped.Read(question);
        var answer = TestKnowledge.Shipped.AnswerFrom(question, reading);

        var prompts = new[]
        {
            AssistPrompts.UnderstandingSystem(TestKnowledge.Shipped.Knowledge),
            AssistPrompts.UnderstandingUser(reading, TestKnowledge.Monday),
            AssistPrompts.PhrasingSystem(answer.Language),
            AssistPrompts.PhrasingUser(reading, GroundingFacts.From(answer)),
        };

        Assert.All(prompts, p =>
        {
            Assert.DoesNotContain("111222333", p);
            Assert.DoesNotContain("k.jansen", p);
        });
        Assert.Contains("[BSN]", prompts[1]);
        Assert.Contains("[E-MAIL]", prompts[3]);
    }

    [Fact]
    public void UnderstandingSystem_ShippedKnowledge_ExplainsEverySignalAndTopic()
    {
        var knowledge = TestKnowledge.Shipped.Knowledge;

        var prompt = AssistPrompts.UnderstandingSystem(knowledge);

        Assert.All(knowledge.Signals, s => Assert.Contains($"- {s.Id}: {s.Label.Nl}", prompt));
        Assert.All(knowledge.Topics, t => Assert.Contains($"- {t.Id}: {t.Label}", prompt));
    }

    [Fact]
    public void UnderstandingUser_RelativeDays_GetsTodayAndItsWeekday()
    {
        var reading = TestKnowledge.Shipped.Read(new Question("Wie kan ik morgen bellen?", TestKnowledge.Monday));

        Assert.StartsWith("Today is 2026-11-23 (Monday).", AssistPrompts.UnderstandingUser(reading, TestKnowledge.Monday));
    }

    [Theory]
    [InlineData(Lang.Nl, "in Dutch")]
    [InlineData(Lang.En, "in English")]
    public void PhrasingSystem_AnswerLanguage_Asked(Lang language, string expected)
    {
        Assert.Contains(expected, AssistPrompts.PhrasingSystem(language));
    }
}
