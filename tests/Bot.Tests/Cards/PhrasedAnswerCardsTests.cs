using ExpertBot.Bot.Cards;
using ExpertBot.Knowledge.Assist;
using static ExpertBot.Bot.Tests.Cards.CardFixtures;

namespace ExpertBot.Bot.Tests.Cards;

/// <summary>Cards for answers worded by a language model: the wording in the summary's place, everything else as it was.</summary>
public sealed class PhrasedAnswerCardsTests
{
    private const string Wording = "Kort gezegd: vraag een onderzoek aan bij de Raad, na overleg.";

    [Fact]
    public void For_PhrasedRoute_WordingReplacesTheSummaryAndSectionsAndSourcesStay()
    {
        var answer = Ask("Ouders weigeren elke hulp en de onveiligheid blijft, wat nu?");
        var plain = Texts(AnswerCards.For(answer, "a1")).ToList();

        var phrased = Texts(AnswerCards.For(PhrasingCheck.Apply(answer, new PhrasedAnswer(Wording, [], [])), "a1")).ToList();

        Assert.Contains(Wording, phrased);
        Assert.DoesNotContain(answer.Route!.Route.Summary.Nl, phrased);
        Assert.Equal(plain.Where(t => t != answer.Route.Route.Summary.Nl), phrased.Where(t => t != Wording));
    }

    [Fact]
    public void For_PhrasedExperts_WordingUnderTheHeadingAndEveryExpertBlockStays()
    {
        var answer = Ask("Wie kan ik vrijdag raadplegen over een vechtscheiding in Oldambt?");

        var card = AnswerCards.For(PhrasingCheck.Apply(answer, new PhrasedAnswer(Wording, [], [])), "a1");

        var texts = Texts(card).ToList();
        Assert.Equal(Wording, texts[1]);
        Assert.All(answer.Experts.Recommended.Take(AnswerCards.MaxExperts), e => Assert.Contains(e.Expert.Name, texts));
    }

    [Fact]
    public void For_PhrasedArticles_WordingThenTheSources()
    {
        var answer = Ask("Wat is het tarief van de GI?");
        Assert.Null(answer.Route);
        Assert.NotEmpty(answer.Sources);

        var text = AllText(AnswerCards.For(PhrasingCheck.Apply(answer, new PhrasedAnswer(Wording, [], [])), "a1"));

        Assert.StartsWith(Wording, text);
        Assert.All(answer.Sources, s => Assert.Contains(s.Document, text));
        Assert.DoesNotContain(answer.Articles[0].Body.Nl, text);
    }
}
