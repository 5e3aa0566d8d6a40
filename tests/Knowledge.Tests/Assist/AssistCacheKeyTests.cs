using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class AssistCacheKeyTests
{
    private static readonly DateOnly Today = TestKnowledge.Monday;

    private static string Key(string question, DateOnly? today = null, Lang? locale = null, string version = "v1") =>
        AssistCacheKey.For(TestKnowledge.Shipped.Read(new Question(question, today ?? Today, locale)), today ?? Today, version);

    [Fact]
    public void For_SameQuestionOtherCaseAndSpacing_SameKey()
    {
        Assert.Equal(Key("Wie kan ik raadplegen over LVB?"), Key("  wie kan ik\traadplegen   over lvb?\n"));
    }

    [Fact]
    public void For_OtherDayLanguageOrKnowledgeVersion_OtherKey()
    {
        var key = Key("Wie kan ik raadplegen over lvb?");

        Assert.NotEqual(key, Key("Wie kan ik raadplegen over lvb?", today: Today.AddDays(1)));
        // The locale decides the answer's language only when the words don't.
        Assert.NotEqual(Key("Lvb Oldambt?"), Key("Lvb Oldambt?", locale: Lang.En));
        Assert.NotEqual(key, Key("Wie kan ik raadplegen over lvb?", version: "v2"));
        Assert.NotEqual(key, Key("Wie kan ik raadplegen over nazorg?"));
    }

    [Fact]
    public void For_PersonalData_KeyHoldsPlaceholdersNotValues()
    {
        var key = Key("Wie kan ik raadplegen over lvb? BSN 111222333.");

        Assert.DoesNotContain("111222333", key);
        Assert.Contains("[bsn]", key);
        // Two cases that differ only in personal data share the model's work.
        Assert.Equal(key, Key("Wie kan ik raadplegen over lvb? BSN 123456782."));
    }

    [Fact]
    public void For_ShippedKnowledge_KeyedByItsVersion()
    {
        var knowledge = TestKnowledge.Shipped.Knowledge;

        var key = AssistCacheKey.For(TestKnowledge.Shipped.Read(new Question("Wie?", Today)), Today, knowledge.Version);

        Assert.StartsWith(knowledge.Version + "|2026-11-23|nl|", key);
    }
}
