using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Experts;

/// <summary>"Wie kan ik raadplegen …?" end to end: the shipped routes and topics with an inline expert pool.</summary>
public sealed class WhoQuestionTests
{
    private static readonly Lazy<Answerer> Answerer = new(() => TestKnowledge.WithPool(Pool.Json(
        new ExpertSpec("mon", "Aafke Mulder", ["vechtscheiding"], ["Oldambt"], ["ma"]),
        new ExpertSpec("tue", "Bert Smit", ["vechtscheiding"], ["Oldambt"], ["di"]),
        new ExpertSpec("fri", "Cor Dijk", ["vechtscheiding"], ["Oldambt"], ["vr"], Languages: ["nl", "en"]),
        new ExpertSpec("region", "Anna Bos", ["vechtscheiding"], ["*"], ["ma", "di", "wo", "do", "vr"]),
        new ExpertSpec("closed", "Aaltje Kok", ["lvb", "vechtscheiding"], ["Oldambt"], ["ma", "di", "wo", "do", "vr"], AcceptsRequests: false),
        new ExpertSpec("lvb", "Dirk Veen", ["lvb"], ["Veendam"], ["wo"], Role: "gedragswetenschapper"))));

    private static Answer Ask(string question) => Answerer.Value.Ask(new Question(question, TestKnowledge.Monday));

    [Theory]
    [InlineData("Wie kan ik vandaag raadplegen over een vechtscheiding in Oldambt?", "mon")]
    [InlineData("Wie kan ik morgen raadplegen over een vechtscheiding in Oldambt?", "tue")]
    [InlineData("Wie is er vrijdag beschikbaar voor een vechtscheiding in Winschoten?", "fri")]
    [InlineData("Wie kan ik op dinsdag bellen over een complexe scheiding in Oldambt?", "tue")]
    [InlineData("Who can I consult on Friday about a high-conflict divorce in Oldambt?", "fri")]
    [InlineData("Who is available tomorrow for a custody dispute in Oldambt?", "tue")]
    public void Ask_DayNamedRelativeToToday_ExpertAvailableThatDayFirst(string question, string first)
    {
        var answer = Ask(question);

        Assert.Equal(Intent.Who, answer.Intent);
        Assert.Equal(first, answer.Experts.Recommended[0].Expert.Id);
        Assert.True(answer.Experts.Recommended[0].AvailableOnDay);
    }

    [Theory]
    [InlineData("Wie kan ik raadplegen over vechtscheiding in Oldambt?")]
    [InlineData("Vechtscheiding in Winschoten: met wie kan ik overleggen?")]
    [InlineData("Who can I consult about a high-conflict divorce in Oldambt?")]
    public void Ask_NotAcceptingExpertWouldScoreBest_NeverFirstButListed(string question)
    {
        var answer = Ask(question);

        Assert.NotEqual("closed", answer.Experts.Recommended[0].Expert.Id);
        Assert.DoesNotContain(answer.Experts.Recommended, r => r.Expert.Id == "closed");
        Assert.Contains(answer.Experts.NotAcceptingRequests, r => r.Expert.Id == "closed");
    }

    [Fact]
    public void Ask_DutchWhoQuestion_TextJoinsReasonPieces()
    {
        var answer = Ask("Wie kan ik vandaag raadplegen over een vechtscheiding in Oldambt?");

        Assert.Contains("vechtscheiding · werkt in Oldambt · vandaag beschikbaar", answer.Text);
        Assert.StartsWith("Je kunt terecht bij:", answer.Text);
        Assert.Contains("Aafke Mulder (jeugdbeschermer, GI Test)", answer.Text);
    }

    [Fact]
    public void Ask_EnglishWhoQuestion_ReasonsAndTextInEnglish()
    {
        var answer = Ask("Who can I consult today about a high-conflict divorce in Oldambt?");

        Assert.Equal(Lang.En, answer.Language);
        var reasons = answer.Experts.Recommended[0].Reasons;
        Assert.Contains("works in Oldambt", reasons);
        Assert.Contains("available today", reasons);
        Assert.DoesNotContain(answer.Experts.Recommended.SelectMany(r => r.Reasons), r => r.Contains("werkt", StringComparison.Ordinal) || r.Contains("beschikbaar", StringComparison.Ordinal));
        Assert.StartsWith("You can consult:", answer.Text);
    }

    [Theory]
    [InlineData("Wie kan ik raadplegen over schoolverzuim in Oldambt?", "gi-test")]
    [InlineData("Wie weet iets van jeugdreclassering?", "gi-test")]
    [InlineData("Wie kan ik bellen over kindermishandeling?", "vt-test")]
    [InlineData("Who can I consult about truancy?", "gi-test")]
    public void Ask_NoExpertMatches_NoExpertsAndIntakeContacts(string question, string firstIntake)
    {
        // Only "closed" and "lvb" know other topics, so these topics have no expert in the pool.
        var answer = Ask(question);

        Assert.Equal(Intent.Who, answer.Intent);
        Assert.Empty(answer.Experts.Recommended);
        Assert.Equal(firstIntake, answer.IntakeContacts[0].Id);
        Assert.All(answer.IntakeContacts, o => Assert.False(o.Contact.IsEmpty));
        Assert.DoesNotContain(answer.IntakeContacts, o => o.Id == "team-oldambt");
        Assert.Contains(answer.IntakeContacts[0].Name, answer.Text);
    }

    [Fact]
    public void Ask_OnlyNotAcceptingExpertMatches_SaysSoAndGivesIntake()
    {
        var answerer = TestKnowledge.WithPool(Pool.Json(new ExpertSpec("closed", "Aaltje Kok", ["lvb"], ["*"], ["ma"], AcceptsRequests: false)));

        var answer = answerer.Ask(new Question("Wie weet veel van een licht verstandelijke beperking?", TestKnowledge.Monday));

        Assert.Empty(answer.Experts.Recommended);
        Assert.Contains("Aaltje Kok (jeugdbeschermer) past wel, maar neemt nu geen aanvragen aan.", answer.Text);
        Assert.NotEmpty(answer.IntakeContacts);
    }

    [Theory]
    [InlineData("Is er een gedragswetenschapper beschikbaar?")]
    [InlineData("Ik zoek een gedragswetenschapper in Veendam")]
    public void Ask_RoleNamed_ExpertWithThatRole(string question)
    {
        var answer = Ask(question);

        Assert.Equal(Intent.Who, answer.Intent);
        Assert.Equal("lvb", answer.Experts.Recommended[0].Expert.Id);
    }
}
