using ExpertBot.Bot.Conversation;

namespace ExpertBot.Bot.Tests.Conversation;

public sealed class RecentAnswersTests
{
    [Fact]
    public void Find_SameMessageIdInAnotherConversation_IsNotThatAnswer()
    {
        using var recent = new RecentAnswers();
        recent.Remember("a:one", new AnswerRecord("answer-1", "1700000000001", "route", "raadsonderzoek"));

        Assert.Equal("answer-1", recent.Find("a:one", "1700000000001")?.AnswerId);
        Assert.Null(recent.Find("a:two", "1700000000001"));
    }

    [Fact]
    public void Remember_AnswerThatWasNotDelivered_IsNotKept()
    {
        using var recent = new RecentAnswers();

        recent.Remember("a:one", new AnswerRecord("answer-1", null, "route", null));

        Assert.Null(recent.Find("a:one", "answer-1"));
    }
}
