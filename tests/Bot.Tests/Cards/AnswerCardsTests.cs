using System.Text.Json.Nodes;
using ExpertBot.Bot.Cards;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;
using static ExpertBot.Bot.Tests.Cards.CardFixtures;

namespace ExpertBot.Bot.Tests.Cards;

public sealed class AnswerCardsTests
{
    private const string RouteQuestion = "Ouders weigeren elke hulp en de onveiligheid blijft, wat nu?";
    private const string ExpertQuestion = "Wie kan ik vrijdag raadplegen over een vechtscheiding in Oldambt?";

    private static readonly HashSet<string> TeamsElements = ["TextBlock", "Container", "ColumnSet", "Column", "ActionSet",
        "FactSet", "Input.Text", "Input.ChoiceSet", "Input.Date"];
    private static readonly HashSet<string> TeamsActions = ["Action.Execute", "Action.Submit", "Action.OpenUrl", "Action.ToggleVisibility", "Action.ShowCard"];

    public static TheoryData<string> SampleNames() => [.. CardDump.Samples().Select(s => s.Name)];

    private static JsonObject Sample(string name) => Samples.Single(s => s.Name == name).Card;

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_Root_IsTeamsAdaptiveCard15(string name)
    {
        var card = Sample(name);

        Assert.Equal("AdaptiveCard", card["type"]!.GetValue<string>());
        Assert.Equal("1.5", card["version"]!.GetValue<string>());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card["$schema"]!.GetValue<string>());
        Assert.Equal("Full", card["msteams"]!["width"]!.GetValue<string>());
        Assert.NotEmpty(card["body"]!.AsArray());
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_EveryExecute_HasSubmitFallbackWithSameDataAndVerb(string name)
    {
        foreach (var execute in Executes(Sample(name)))
        {
            var fallback = execute["fallback"]!.AsObject();
            var expected = execute["data"]!.DeepClone().AsObject();
            expected["verb"] = execute["verb"]!.GetValue<string>();

            Assert.Equal("Action.Submit", fallback["type"]!.GetValue<string>());
            Assert.Equal(execute["title"]!.GetValue<string>(), fallback["title"]!.GetValue<string>());
            Assert.True(JsonNode.DeepEquals(expected, fallback["data"]), $"{name}: {fallback.ToJsonString()}");
            Assert.Contains(execute["verb"]!.GetValue<string>(), CardVerbs.All);
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_Elements_OnlyTeamsSupportedTypesAndWrappedText(string name)
    {
        var card = Sample(name);
        var types = Objects(card["body"]).Select(o => o["type"]?.GetValue<string>()).OfType<string>().ToList();

        Assert.All(types, t => Assert.True(TeamsElements.Contains(t) || TeamsActions.Contains(t), $"{name}: {t}"));
        Assert.All(OfType(card, "TextBlock"), t => Assert.True(t["wrap"]!.GetValue<bool>()));
        Assert.DoesNotContain(Objects(card), o => o.ContainsKey("isEnabled"));
        Assert.DoesNotContain(Objects(card), o => o["type"]?.GetValue<string>()?.StartsWith("Action.", StringComparison.Ordinal) == true && o.ContainsKey("style"));
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_Ids_AreUniqueAndToggleTargetsExist(string name)
    {
        var card = Sample(name);
        var ids = Objects(card).Where(o => o["type"] is not null && o["id"] is not null).Select(o => o["id"]!.GetValue<string>()).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
        foreach (var toggle in OfType(card, "Action.ToggleVisibility"))
        {
            Assert.All(toggle["targetElements"]!.AsArray(), target => Assert.Contains(target!.GetValue<string>(), ids));
        }
    }

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_Size_WellUnderTeamsLimit(string name)
    {
        // A bundle of up to 40 tickets (a burst for one channel) may use more of the bot limit (100 KB, "recommended within 80 KB").
        Assert.InRange(Utf8Size(Sample(name)), 1, (name.Contains("bundle", StringComparison.Ordinal) ? 64 : 20) * 1024);
    }

    [Fact]
    public void For_LongKnowledgeText_IsClippedAndStaysUnderLimit()
    {
        var answer = RouteAnswer();
        var route = answer.Route!.Route;
        var huge = new LocalizedText(new string('x', 50_000), new string('y', 50_000));
        var bloated = answer with
        {
            Route = answer.Route with
            {
                Route = route with { Summary = huge, WhenItFits = [.. Enumerable.Repeat(huge, 40)], Pitfalls = [.. Enumerable.Repeat(huge, 40)] },
            },
            Sources = [.. Enumerable.Range(0, 200).Select(i => new SourceRef("Document " + i, "Section " + i))],
        };

        var card = AnswerCards.For(bloated, "a1");

        Assert.InRange(Utf8Size(card), 1, 28 * 1024);
        Assert.All(Texts(card), t => Assert.True(t.Length <= CardElements.MaxTextLength + 2));
    }

    [Fact]
    public void For_SameAnswerTwice_GivesIdenticalJson()
    {
        var answer = Ask(ExpertQuestion);

        Assert.Equal(Serialize(AnswerCards.For(answer, "a1")), Serialize(AnswerCards.For(answer, "a1")));
    }

    [Fact]
    public void For_BlankAnswerId_Throws()
    {
        Assert.Throws<ArgumentException>(() => AnswerCards.For(Ask(ExpertQuestion), " "));
    }

    [Fact]
    public void For_RouteAnswer_ShowsNameReasonsNextStepAndSources()
    {
        var answer = RouteAnswer();
        var route = answer.Route!.Route;

        var card = AnswerCards.For(answer, "a1");
        var text = AllText(card);

        Assert.Equal(route.Name.Nl, Texts(card).First());
        Assert.Contains(route.NextStep.Nl, text);
        Assert.Contains("Volgende stap", text);
        Assert.All(answer.Route.Reasons, r => Assert.Contains(r.Label.Nl, text));
        Assert.NotEmpty(answer.Sources);
        var sourceLines = Texts(card).Where(t => t.StartsWith("• ", StringComparison.Ordinal)).ToList();
        Assert.All(answer.Sources, s => Assert.Contains(sourceLines, l => l.Contains(s.Document + ":", StringComparison.Ordinal) && l.Contains(s.Section, StringComparison.Ordinal)));
        Assert.Equal(answer.Sources.Select(s => s.Document).Distinct().Count(), sourceLines.Count(l => answer.Sources.Any(s => l.StartsWith("• " + s.Document + ":", StringComparison.Ordinal))));
        Assert.All(route.Pitfalls, p => Assert.Contains(p.Nl, text));
    }

    [Fact]
    public void For_RouteAnswer_SectionsStartCollapsedBehindToggles()
    {
        var card = AnswerCards.For(RouteAnswer(), "a1");
        var toggles = OfType(card, "Action.ToggleVisibility").ToList();
        var hidden = Objects(card).Where(o => o["isVisible"]?.GetValue<bool>() == false && o["type"]?.GetValue<string>() == "Container").ToList();

        Assert.True(toggles.Count >= 5, $"{toggles.Count} toggles");
        Assert.Equal(toggles.Count, hidden.Count);
        var nextStep = Objects(card).Single(o => o["style"]?.GetValue<string>() == "emphasis");
        Assert.NotEqual(false, nextStep["isVisible"]?.GetValue<bool>());
    }

    [Fact]
    public void For_RouteAnswer_HasRequestExpertsAndFeedbackButtons()
    {
        var answer = RouteAnswer();
        var routeId = answer.Route!.Route.Id;

        var executes = Executes(AnswerCards.For(answer, "a1")).ToList();

        Assert.Contains(executes, e => Verb(e) == CardVerbs.RequestOpen && e["data"]!["routeId"]!.GetValue<string>() == routeId);
        Assert.Contains(executes, e => Verb(e) == CardVerbs.ExpertsShow && e["data"]!["routeId"]!.GetValue<string>() == routeId);
        var votes = executes.Where(e => Verb(e) == CardVerbs.Feedback).ToList();
        Assert.Equal([1, -1], votes.Select(v => v["data"]!["vote"]!.GetValue<int>()));
        Assert.All(votes, v => Assert.Equal("a1", v["data"]!["answerId"]!.GetValue<string>()));
    }

    [Fact]
    public void For_VoteGiven_ReplacesFeedbackButtonsByThanks()
    {
        var card = AnswerCards.For(RouteAnswer(), "a1", vote: -1);

        Assert.DoesNotContain(Executes(card), e => Verb(e) == CardVerbs.Feedback);
        Assert.Contains("👎 Bedankt voor je feedback!", Texts(card));
    }

    [Fact]
    public void For_EnglishRouteAnswer_UsesEnglishLabelsAndText()
    {
        var answer = RouteAnswer() with { Language = Lang.En };
        var route = answer.Route!.Route;

        var card = AnswerCards.For(answer, "a1");
        var text = AllText(card);
        var titles = Objects(card).Select(o => o["title"]?.GetValue<string>()).OfType<string>().ToList();

        Assert.Contains(route.Name.En!, text);
        Assert.Contains(route.NextStep.En!, text);
        Assert.Contains("Next step", text);
        Assert.Contains("Ask the GI for advice", titles);
        Assert.DoesNotContain("Volgende stap", text);
        Assert.DoesNotContain("Waarom", text);
        Assert.DoesNotContain("Vraag advies aan de GI", titles);
    }

    [Fact]
    public void For_EnglishExpertAnswer_UsesEnglishLabels()
    {
        var answer = Ask("Who can I consult about domestic violence in Veendam on Friday?");
        Assert.Equal(Lang.En, answer.Language);

        var card = AnswerCards.For(answer, "a1");

        Assert.Contains("You can consult", AllText(card));
        Assert.Contains("Was this answer helpful?", AllText(card));
        Assert.DoesNotContain("Je kunt terecht bij", AllText(card));
    }

    [Fact]
    public void For_PiiInAnyAnswerKind_WarningIsFirstElement()
    {
        PiiFinding[] pii = [new(PiiKind.Bsn, 0, 9)];
        var answers = new[]
        {
            RouteAnswer(),
            Ask(ExpertQuestion),
            RouteAnswer() with { Route = null, FollowUp = Shipped.FollowUps[0] },
            Ask("help") with { Intent = Intent.Help },
            Unknown(),
            Unknown() with { Intent = Intent.Request },
        };

        foreach (var answer in answers)
        {
            foreach (var lang in (Lang[])[Lang.Nl, Lang.En])
            {
                var withPii = answer with { Pii = pii, Language = lang };
                withPii = withPii with { Text = AnswerText.Compose(withPii) };

                var card = AnswerCards.For(withPii, "a1");
                var first = card["body"]![0]!.AsObject();

                Assert.Equal("Container", first["type"]!.GetValue<string>());
                Assert.Equal("attention", first["style"]!.GetValue<string>());
                var notice = AnswerText.PrivacyNotice(pii, lang);
                Assert.Contains(notice, first["items"]![0]!["text"]!.GetValue<string>());
                Assert.Single(Texts(card), t => t.Contains(notice, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void For_NoPii_NoWarning()
    {
        var card = AnswerCards.For(RouteAnswer(), "a1");

        Assert.DoesNotContain(Objects(card), o => o["style"]?.GetValue<string>() == "attention");
    }

    [Fact]
    public void For_ExpertAnswer_ShowsAtMostThreeExpertsWithReasonsAndContacts()
    {
        var answer = Ask(ExpertQuestion);
        Assert.NotEmpty(answer.Experts.Recommended);
        var many = answer with { Experts = answer.Experts with { Recommended = [.. Enumerable.Repeat(answer.Experts.Recommended[0], 5)] } };

        var card = AnswerCards.For(many, "a1");
        var first = answer.Experts.Recommended[0];

        Assert.Equal(3, Texts(card).Count(t => t == first.Expert.Name));
        Assert.Contains(string.Join(" · ", first.Reasons.Where(r => !r.Contains("beschikbaar", StringComparison.Ordinal))), AllText(card));
        Assert.Contains(AnswerText.ContactLine(first.Expert.Contact, Lang.Nl), AllText(card));
        Assert.Contains("Nog 2 andere passende experts", AllText(card));
    }

    [Theory]
    [InlineData(ExpertQuestion)]
    [InlineData("Who can I consult about domestic violence in Veendam on Friday?")]
    public void For_ExpertAnswer_AvailabilityHasItsOwnColouredLineAndIsNotRepeated(string question)
    {
        var answer = Ask(question);
        var card = AnswerCards.For(answer, "a1");

        foreach (var ranked in answer.Experts.Recommended.Take(AnswerCards.MaxExperts))
        {
            var day = Assert.Single(ranked.Reasons, r => r.Contains("beschikbaar", StringComparison.Ordinal) || r.Contains("available", StringComparison.Ordinal));
            var block = OfType(card, "Container").Single(c => c["items"]![0]!["text"]?.GetValue<string>() == ranked.Expert.Name);
            var lines = OfType(block, "TextBlock").Where(t => t["text"]!.GetValue<string>().Contains(day[1..], StringComparison.Ordinal)).ToList();

            var line = Assert.Single(lines);
            Assert.Equal(ranked.AvailableOnDay ? "Good" : "Warning", line["color"]!.GetValue<string>());
        }
    }

    [Fact]
    public void For_ExpertNotAcceptingRequests_OnlyANoteWithoutContactButtons()
    {
        var answer = Ask(ExpertQuestion);
        var busy = Shipped.Experts.Single(e => !e.AcceptsRequests);
        var ranked = new RankedExpert(busy, null, 999, true, ["vechtscheiding"]);
        var withBusy = answer with { Experts = answer.Experts with { NotAcceptingRequests = [ranked] } };

        var card = AnswerCards.For(withBusy, "a1");

        Assert.Contains(Texts(card), t => t.Contains(busy.Name, StringComparison.Ordinal) && t.Contains("neemt nu geen aanvragen aan", StringComparison.Ordinal));
        Assert.DoesNotContain(Texts(card), t => t == busy.Name);
        Assert.DoesNotContain(Urls(card), u => busy.Contact.Email is { } e && u.Contains(Uri.EscapeDataString(e), StringComparison.Ordinal));
        Assert.DoesNotContain(Urls(card), u => u == "mailto:" + busy.Contact.Email);
    }

    [Fact]
    public void For_NoExpertFound_SaysSoAndOffersIntakeContacts()
    {
        var answer = Ask(ExpertQuestion);
        var intake = Shipped.Organisations.Where(o => o.Type == "gi").ToList();
        var none = answer with { Experts = new ExpertRanking([], []), IntakeContacts = intake };

        var card = AnswerCards.For(none, "a1");
        var text = AllText(card);

        Assert.Contains("Geen expert gevonden", text);
        Assert.Contains("in Oldambt", text);
        Assert.All(intake, o => Assert.Contains(o.Name, text));
        Assert.All(intake.Where(o => o.Contact.Phone is not null), o => Assert.Contains(AnswerCards.TelUri(o.Contact.Phone!), Urls(card)));
        Assert.Contains(Executes(card), e => Verb(e) == CardVerbs.RequestOpen && e["data"]!["municipality"]!.GetValue<string>() == "Oldambt");
        Assert.Contains(Executes(card), e => Verb(e) == CardVerbs.Feedback);
    }

    public static TheoryData<string?, string?, string?, string[]> ContactCases() => new()
    {
        { null, null, null, [] },
        { "06-12345678", null, null, ["tel:0612345678"] },
        { null, "a.b@example.nl", null, ["https://teams.microsoft.com/l/chat/0/0?users=a.b%40example.nl", "mailto:a.b@example.nl"] },
        { null, null, "29:abc", ["https://teams.microsoft.com/l/chat/0/0?users=29%3Aabc"] },
        { "+31 50 000 0100", "x@example.nl", "29:abc", ["https://teams.microsoft.com/l/chat/0/0?users=x%40example.nl", "tel:+31500000100", "mailto:x@example.nl"] },
        { null, "x@example.nl", "pat@contoso.com", ["https://teams.microsoft.com/l/chat/0/0?users=pat%40contoso.com", "mailto:x@example.nl"] },
        { "onbekend", "not an e-mail", null, [] },
    };

    [Theory]
    [MemberData(nameof(ContactCases))]
    public void ContactActions_OnlyForPresentContacts(string? phone, string? email, string? teamsUserId, string[] expected)
    {
        var actions = AnswerCards.ContactActions(new Contact(phone, email, teamsUserId), CardText.Nl);

        Assert.Equal(expected, actions.Select(a => a!["url"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.Equal("Action.OpenUrl", a!["type"]!.GetValue<string>()));
        Assert.All(actions, a => Assert.InRange(a!["title"]!.GetValue<string>().Length, 1, 12));
    }

    [Fact]
    public void ContactActions_OrganisationMailbox_IsNoTeamsChat()
    {
        var actions = AnswerCards.ContactActions(new Contact("050-0000100", "intake@example.nl"), CardText.Nl, chatByEmail: false);

        Assert.Equal(["tel:0500000100", "mailto:intake@example.nl"], actions.Select(a => a!["url"]!.GetValue<string>()));
    }

    [Fact]
    public void For_ExpertCard_ContactButtonsMatchTheExpertsContacts()
    {
        var answer = Ask(ExpertQuestion);
        var card = AnswerCards.For(answer, "a1");
        var expected = answer.Experts.Recommended.Take(3)
            .SelectMany(r => AnswerCards.ContactActions(r.Expert.Contact, CardText.Nl))
            .Select(a => a!["url"]!.GetValue<string>());

        Assert.Equal(expected, Urls(card));
    }

    [Theory]
    [InlineData("29:1AbC/d+e f", "29%3A1AbC%2Fd%2Be%20f")]
    [InlineData("pat+bot@contoso.com", "pat%2Bbot%40contoso.com")]
    [InlineData("x&users=evil@x.nl", "x%26users%3Devil%40x.nl")]
    public void TeamsChatLink_ReservedCharacters_AreUrlEncoded(string user, string encoded)
    {
        Assert.Equal("https://teams.microsoft.com/l/chat/0/0?users=" + encoded, AnswerCards.TeamsChatLink(user));
    }

    [Fact]
    public void For_FollowUpAnswer_OneButtonPerChoiceWithIdValueAndAnswerId()
    {
        var followUp = Shipped.FollowUps.Single(f => f.Id == "situatie");
        var answer = RouteAnswer() with { Route = null, FollowUp = followUp };

        var card = AnswerCards.For(answer, "a7");
        var buttons = Executes(card).ToList();

        Assert.Contains(followUp.Question.Nl, Texts(card));
        Assert.Equal(followUp.Choices.Select(c => c.Label.Nl), buttons.Select(b => b["tooltip"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("Kies", b["title"]!.GetValue<string>()));
        Assert.All(followUp.Choices, c => Assert.Contains(c.Label.Nl, Texts(card)));
        Assert.All(buttons, b => Assert.Equal(CardVerbs.FollowUpChoose, Verb(b)));
        Assert.Equal(followUp.Choices.Select(c => c.Value), buttons.Select(b => b["data"]!["value"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("situatie", b["data"]!["followUp"]!.GetValue<string>()));
        Assert.All(buttons, b => Assert.Equal("a7", b["data"]!["answerId"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData(Lang.Nl, "BSN", "Vraag dit")]
    [InlineData(Lang.En, "BSNs", "Ask this")]
    public void WelcomeAndHelp_ExplainPrivacyAndOfferThreeExampleQuestions(Lang lang, string privacyWord, string buttonTitle)
    {
        foreach (var card in new[] { AnswerCards.Welcome(lang), AnswerCards.Help(lang) })
        {
            var asks = Executes(card).Where(e => Verb(e) == CardVerbs.Ask).ToList();

            Assert.Equal(3, asks.Count);
            Assert.All(asks, a => Assert.Equal(buttonTitle, a["title"]!.GetValue<string>()));
            Assert.Equal(CardText.For(lang).Examples, asks.Select(a => a["data"]!["text"]!.GetValue<string>()));
            Assert.Contains(Texts(card), t => t.Contains(privacyWord, StringComparison.Ordinal) && t.Contains(lang == Lang.En ? "pseudonymous" : "pseudonieme", StringComparison.Ordinal));
        }
    }

    [Theory]
    [InlineData(Lang.Nl)]
    [InlineData(Lang.En)]
    public void ExampleQuestions_AreUnderstoodByTheKnowledgeCore(Lang lang)
    {
        foreach (var example in CardText.For(lang).Examples)
        {
            var answer = Ask(example);

            Assert.NotEqual(Intent.Unknown, answer.Intent);
            Assert.Equal(lang, answer.Language);
            Assert.True(answer.Route is not null || answer.FollowUp is not null || answer.Experts.Recommended.Count > 0, example);
        }
    }

    [Fact]
    public void For_RequestAnswer_OffersTheRequestFormWithMunicipality()
    {
        var answer = Ask("Ik wil een aanvraag doen bij de GI voor een casus in Groningen");
        Assert.Equal(Intent.Request, answer.Intent);

        var card = AnswerCards.For(answer, "a1");
        var request = Assert.Single(Executes(card));

        Assert.Equal(CardVerbs.RequestOpen, Verb(request));
        Assert.Equal("Groningen", request["data"]!["municipality"]!.GetValue<string>());
        Assert.Contains(Texts(card), t => t.Contains("aanvraagformulier", StringComparison.Ordinal));
    }

    [Fact]
    public void For_UnknownAnswer_ShowsTextAndExampleQuestions()
    {
        var answer = Unknown();

        var card = AnswerCards.For(answer, "a1");

        Assert.StartsWith("Daar kan ik je helaas niet mee helpen", Texts(card).First(), StringComparison.Ordinal);
        Assert.Equal(3, Executes(card).Count(e => Verb(e) == CardVerbs.Ask));
    }

    [Fact]
    public void Error_ShowsMessageInAttentionContainer()
    {
        var card = AnswerCards.Error(Lang.En, "The knowledge could not be loaded.");
        var container = card["body"]![0]!.AsObject();

        Assert.Equal("attention", container["style"]!.GetValue<string>());
        Assert.Contains("The knowledge could not be loaded.", Texts(card));
        Assert.Contains("Something went wrong", AllText(card));
    }

    [Theory]
    [InlineData(Lang.Nl, "Bedankt voor je feedback!")]
    [InlineData(Lang.En, "Thank you for your feedback!")]
    public void FeedbackThanks_IsInTheUsersLanguage(Lang lang, string expected)
    {
        Assert.Contains(expected, AllText(AnswerCards.FeedbackThanks(lang)));
    }

    private static Answer RouteAnswer()
    {
        var answer = Ask(RouteQuestion);
        Assert.NotNull(answer.Route);
        return answer;
    }

    /// <summary>An answer the bot cannot place: no route, no follow-up, no experts.</summary>
    private static Answer Unknown()
    {
        var answer = Ask("Wat is het weer morgen?") with { Intent = Intent.Unknown, Route = null, FollowUp = null };
        return answer with { Text = AnswerText.Compose(answer) };
    }

    private static string Verb(JsonObject execute) => execute["verb"]!.GetValue<string>();
}
