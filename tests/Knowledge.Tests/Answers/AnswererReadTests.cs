using ExpertBot.Knowledge.Answers;

namespace ExpertBot.Knowledge.Tests.Answers;

public sealed class AnswererReadTests
{
    [Theory]
    [InlineData("Wie kan ik raadplegen over een vechtscheiding in Oldambt?")]
    [InlineData("Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?")]
    [InlineData("Welke route?")]
    [InlineData("Hoe lang duurt een raadsonderzoek?")]
    [InlineData("Who can I consult about domestic violence in Veendam on Friday?")]
    public void AnswerFrom_ReadOfTheSameQuestion_SameAnswerAsAsk(string text)
    {
        var question = new Question(text, TestKnowledge.Monday);

        var split = TestKnowledge.Shipped.AnswerFrom(question, TestKnowledge.Shipped.Read(question));
        var whole = TestKnowledge.Shipped.Ask(question);

        Assert.Equal(whole.Text, split.Text);
        Assert.Equal(whole.Route?.Route.Id, split.Route?.Route.Id);
        Assert.Equal(whole.Experts.Recommended.Select(e => e.Expert.Id), split.Experts.Recommended.Select(e => e.Expert.Id));
        Assert.Null(split.Phrasing);
    }

    [Fact]
    public void Read_PersonalData_RedactedTextWithPlaceholdersAndTheFindings()
    {
        var reading = TestKnowledge.Shipped.Read(new Question("Over BSN 111222333 en 06-12345678: wie kan ik raadplegen?", TestKnowledge.Monday));

        Assert.Equal("Over BSN [BSN] en [TELEFOON]: wie kan ik raadplegen?", reading.RedactedText);
        Assert.Equal(2, reading.Pii.Count);
    }
}
