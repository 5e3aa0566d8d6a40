using System.Diagnostics;
using System.Text.Json.Nodes;
using ExpertBot.Bot.LanguageModel;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Bot.Tests.LanguageModel;

public sealed class AzureOpenAIAssistantTests
{
    private const string WhoQuestion = "Wie kan ik raadplegen over een vechtscheiding in Oldambt?";
    private const string RouteQuestion = "Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?";

    /// <summary>A valid BSN (elfproef), a mobile number and an e-mail address, around a real question.</summary>
    private const string PersonalQuestion =
        "Wie kan ik raadplegen over een vechtscheiding in Oldambt? Het gaat om BSN 111222333, moeder is bereikbaar op 06-12345678 en via k.jansen@example.nl.";

    [Fact]
    public async Task Ask_QuestionWithPersonalData_SendsOnlyRedactedTextWithStrictSchemas()
    {
        await using var fixture = await AssistantFixture.StartAsync();

        var result = await fixture.AskAsync(PersonalQuestion);

        var findings = PrivacyGuard.Scan(PersonalQuestion);
        Assert.True(findings.Count >= 3);
        Assert.Equal(2, fixture.Server.Requests.Count);
        foreach (var request in fixture.Server.Requests)
        {
            foreach (var finding in findings)
            {
                Assert.DoesNotContain(PersonalQuestion.Substring(finding.Start, finding.Length), request.RawBody);
            }

            Assert.Contains("[BSN]", request.RawBody);
            Assert.Equal(FakeAzureOpenAI.Deployment, request.Deployment);
            Assert.False(string.IsNullOrEmpty(request.ApiVersion));
            Assert.Equal(FakeAzureOpenAI.ApiKey, request.ApiKey);
            var format = request.Body["response_format"]!;
            Assert.Equal("json_schema", format["type"]!.GetValue<string>());
            Assert.True(format["json_schema"]!["strict"]!.GetValue<bool>());
            Assert.False(format["json_schema"]!["schema"]!["additionalProperties"]!.GetValue<bool>());
        }

        var understanding = fixture.Server.Requests[0];
        Assert.Equal("understanding", understanding.SchemaName);
        var signalIds = understanding.Body["response_format"]!["json_schema"]!["schema"]!["properties"]!["signalsPresent"]!["items"]!["enum"]!.AsArray()
            .Select(n => n!.GetValue<string>());
        Assert.Contains("acuut-gevaar", signalIds);

        var phrasing = fixture.Server.Requests[1];
        Assert.Equal("phrasing", phrasing.SchemaName);
        var expertIds = phrasing.Facts["experts"]!.AsArray().Select(e => e!["id"]!.GetValue<string>()).ToList();
        Assert.Equal(result.Answer.Experts.Recommended.Take(3).Select(e => e.Expert.Id), expertIds);
        Assert.Contains("Marieke Dijkstra", phrasing.UserMessage);
        Assert.True(result.Report.UnderstandingUsed);
        Assert.True(result.Report.PhrasingUsed);
        // The user is still warned about the personal data, in the answer itself.
        Assert.Equal(findings.Count, result.Answer.Pii.Count);
    }

    [Fact]
    public async Task Ask_GroundedPhrasing_ReplacesTheWordingAndKeepsTheSources()
    {
        await using var fixture = await AssistantFixture.StartAsync();

        var result = await fixture.AskAsync(RouteQuestion);

        var embedded = AssistantFixture.Embedded(RouteQuestion);
        Assert.Equal("raadsonderzoek", result.Answer.Route?.Route.Id);
        Assert.StartsWith("Grounded wording:", result.Answer.Phrasing);
        Assert.StartsWith("Grounded wording:", result.Answer.Text);
        Assert.NotEmpty(embedded.Sources);
        Assert.Equal(embedded.Sources, result.Answer.Sources);
        foreach (var source in embedded.Sources)
        {
            Assert.Contains(source.Document, result.Answer.Text);
        }

        var facts = fixture.Server.Requests[1].Facts;
        Assert.Equal("raadsonderzoek", facts["route"]!["id"]!.GetValue<string>());
        Assert.Equal(embedded.Sources.Count, facts["sources"]!.AsArray().Count);
    }

    public static TheoryData<string, string> Failures => new()
    {
        { "429", "http-429" },
        { "500", "http-500" },
        { "503", "http-503" },
        { "content-filter-400", "content-filter" },
        { "content-filter-finish", "content-filter" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public async Task Ask_ServiceFails_EmbeddedAnswerAtOnceWithoutRetry(string failure, string reason)
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = _ => failure switch
        {
            "429" => new FakeReply.Error(429, FakeAzureOpenAI.RateLimitError, RetryAfter: "10"),
            "500" => new FakeReply.Error(500, FakeAzureOpenAI.ServerError),
            "503" => new FakeReply.Error(503, FakeAzureOpenAI.ServerError, RetryAfter: "1"),
            "content-filter-400" => new FakeReply.Error(400, FakeAzureOpenAI.ContentFilterError),
            _ => new FakeReply.Completion(null, "content_filter"),
        };
        var watch = Stopwatch.StartNew();

        var result = await fixture.AskAsync(RouteQuestion);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Single(fixture.Server.Requests);
        Assert.Equal(AssistantFixture.Embedded(RouteQuestion).Text, result.Answer.Text);
        Assert.Null(result.Answer.Phrasing);
        Assert.False(result.Report.UnderstandingUsed);
        Assert.Equal(reason, result.Report.UnderstandingFallback);
        Assert.Equal(reason, result.Report.PhrasingFallback);
        Assert.Contains(fixture.Logs.Entries, e => e.EventId == 7001 && e.Message.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Ask_ServerSlowerThanTheBudget_EmbeddedAnswerWithinTheBudget()
    {
        await using var fixture = await AssistantFixture.StartAsync(timeout: TimeSpan.FromMilliseconds(300));
        fixture.Server.Script = r => new FakeReply.Delayed(TimeSpan.FromSeconds(10), FakeAzureOpenAI.Grounded(r));
        var watch = Stopwatch.StartNew();

        var result = await fixture.AskAsync(RouteQuestion);

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Equal("timeout", result.Report.UnderstandingFallback);
        Assert.Equal("timeout", result.Report.PhrasingFallback);
        Assert.Equal(AssistantFixture.Embedded(RouteQuestion).Text, result.Answer.Text);
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("""{"intent":"who"}""")]
    [InlineData("""{"intent":5,"acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":null}""")]
    [InlineData("""{"intent":"who","acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":"next friday"}""")]
    public async Task Ask_UnderstandingBreaksTheSchema_EmbeddedUnderstandingIsUsed(string content)
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding" ? new FakeReply.Completion(content) : FakeAzureOpenAI.Grounded(r);

        var result = await fixture.AskAsync(WhoQuestion);

        Assert.False(result.Report.UnderstandingUsed);
        Assert.Equal("invalid-output", result.Report.UnderstandingFallback);
        Assert.Equal(
            AssistantFixture.Embedded(WhoQuestion).Experts.Recommended.Select(e => e.Expert.Id),
            result.Answer.Experts.Recommended.Select(e => e.Expert.Id));
        // Only the understanding was unusable; the wording of the embedded answer still comes from the model.
        Assert.True(result.Report.PhrasingUsed);
    }

    [Fact]
    public async Task Ask_SameQuestionAgainDifferentlyTyped_AnsweredFromTheCacheWithoutARequest()
    {
        await using var fixture = await AssistantFixture.StartAsync();
        var first = await fixture.AskAsync(RouteQuestion);
        var requests = fixture.Server.Requests.Count;

        var second = await fixture.AskAsync("  ouders WEIGEREN elke medewerking   en de onveiligheid blijft, wat nu?");

        Assert.Equal(2, requests);
        Assert.Equal(requests, fixture.Server.Requests.Count);
        Assert.True(second.Report.Cached);
        Assert.False(first.Report.Cached);
        Assert.Equal(first.Answer.Text, second.Answer.Text);
    }

    [Fact]
    public async Task Ask_AfterAFallback_NotCachedSoTheNextTurnTriesAgain()
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = _ => new FakeReply.Error(500, FakeAzureOpenAI.ServerError);
        await fixture.AskAsync(RouteQuestion);
        fixture.Server.Script = FakeAzureOpenAI.Grounded;

        var second = await fixture.AskAsync(RouteQuestion);

        Assert.False(second.Report.Cached);
        Assert.True(second.Report.PhrasingUsed);
        Assert.Equal(3, fixture.Server.Requests.Count);
    }

    [Fact]
    public async Task Ask_FullCache_StaysWithinItsSize()
    {
        await using var fixture = await AssistantFixture.StartAsync(cacheSize: 1);
        await fixture.AskAsync(RouteQuestion);
        await fixture.AskAsync(WhoQuestion);
        var before = fixture.Server.Requests.Count;

        // Size 1 holds one of the two; asking both again costs at least one new round trip.
        await fixture.AskAsync(RouteQuestion);
        await fixture.AskAsync(WhoQuestion);

        Assert.True(fixture.Server.Requests.Count > before);
    }

    [Fact]
    public async Task Ask_PhrasingNamesAnExpertOutsideTheFacts_EmbeddedWordingIsUsed()
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? FakeAzureOpenAI.Grounded(r)
            : new FakeReply.Completion(FakeAzureOpenAI.Phrasing("Bel Bart Wubbels, die kent Oldambt goed.", ["s-02"]));

        var result = await fixture.AskAsync(WhoQuestion);

        Assert.DoesNotContain("s-02", fixture.Server.Requests[1].Facts["experts"]!.ToJsonString());
        Assert.False(result.Report.PhrasingUsed);
        Assert.Equal("unknown-expert", result.Report.PhrasingFallback);
        Assert.Equal(AssistantFixture.Embedded(WhoQuestion).Text, result.Answer.Text);
        Assert.Null(result.Answer.Phrasing);
    }

    [Fact]
    public async Task Ask_PhrasingNamesAnExpertOnlyInItsText_EmbeddedWordingIsUsed()
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? FakeAzureOpenAI.Grounded(r)
            : new FakeReply.Completion(FakeAzureOpenAI.Phrasing("Marieke Dijkstra of anders Bart Wubbels kan helpen.", ["s-01"]));

        var result = await fixture.AskAsync(WhoQuestion);

        Assert.Equal("unknown-expert", result.Report.PhrasingFallback);
    }

    [Theory]
    [InlineData("Doe eerst een melding bij Veilig Thuis.", "veilig-thuis")]
    [InlineData("Ga voor nazorg.", "raadsonderzoek")]
    public async Task Ask_PhrasingLeadsToAnotherRoute_EmbeddedWordingIsUsed(string text, string routeId)
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? FakeAzureOpenAI.Grounded(r)
            : new FakeReply.Completion(FakeAzureOpenAI.Phrasing(text, routeIds: [routeId]));

        var result = await fixture.AskAsync(RouteQuestion);

        Assert.Equal("unknown-route", result.Report.PhrasingFallback);
        Assert.Equal(AssistantFixture.Embedded(RouteQuestion).Text, result.Answer.Text);
    }

    [Fact]
    public async Task Ask_ModelSeesAcuteDangerTheReaderMissed_AcuteRouteWins()
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? new FakeReply.Completion(FakeAzureOpenAI.Understanding("route", acute: true))
            : FakeAzureOpenAI.Grounded(r);

        var result = await fixture.AskAsync(RouteQuestion);

        Assert.Equal("raadsonderzoek", AssistantFixture.Embedded(RouteQuestion).Route?.Route.Id);
        Assert.Equal("acuut", result.Answer.Route?.Route.Id);
        Assert.Contains("signal:acuut-gevaar", result.Report.Added);
    }

    [Fact]
    public async Task Ask_ModelDeniesAcuteDangerTheReaderSaw_AcuteRouteStays()
    {
        const string acute = "Er is nu direct gevaar: vader dreigt de kinderen vanavond mee te nemen, wat moet ik doen?";
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? new FakeReply.Completion(FakeAzureOpenAI.Understanding("route", acute: false, absent: ["acuut-gevaar"], present: ["ouders-werken-niet-mee"]))
            : FakeAzureOpenAI.Grounded(r);

        var result = await fixture.AskAsync(acute);

        Assert.Equal("acuut", AssistantFixture.Embedded(acute).Route?.Route.Id);
        Assert.True(result.Report.UnderstandingUsed);
        Assert.Equal("acuut", result.Answer.Route?.Route.Id);
    }

    [Fact]
    public async Task Ask_MessyQuestion_ModelAddsWhatTheReaderMissedFromTheKnowledgeOnly()
    {
        const string messy = "pa en ma liggen al maanden overhoop over de kids, ik zit er in de Veenkoloniën oost mee, bij wie kan ik terecht";
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? new FakeReply.Completion(FakeAzureOpenAI.Understanding("who", topics: ["vechtscheiding", "made-up-topic"], municipality: "Oldambt"))
            : FakeAzureOpenAI.Grounded(r);

        var result = await fixture.AskAsync(messy);

        var embedded = AssistantFixture.Embedded(messy);
        Assert.NotEqual("s-01", embedded.Experts.Recommended.FirstOrDefault()?.Expert.Id);
        Assert.Equal("s-01", result.Answer.Experts.Recommended.First().Expert.Id);
        Assert.Equal("Oldambt", result.Answer.Understanding.Municipality?.Name);
        Assert.Contains("municipality", result.Report.Added);
        Assert.DoesNotContain("made-up-topic", result.Answer.Understanding.Topics);
    }

    [Fact]
    public async Task Ask_ManagedIdentity_SendsABearerTokenForCognitiveServices()
    {
        var credential = new FakeTokenCredential();
        await using var fixture = await AssistantFixture.StartAsync(managedIdentity: credential);

        var result = await fixture.AskAsync(RouteQuestion);

        Assert.True(result.Report.PhrasingUsed);
        var request = fixture.Server.Requests[0];
        Assert.Null(request.ApiKey);
        Assert.Equal("Bearer " + FakeTokenCredential.Token, request.Authorization);
        Assert.Contains("https://cognitiveservices.azure.com/.default", credential.Scopes);
    }

    [Fact]
    public async Task Ask_Logs_HoldNeitherQuestionNorPromptNorCompletion()
    {
        await using var fixture = await AssistantFixture.StartAsync();
        fixture.Server.Script = r => r.SchemaName == "understanding"
            ? FakeAzureOpenAI.Grounded(r)
            : new FakeReply.Completion(FakeAzureOpenAI.Phrasing("Marieke Dijkstra is de aangewezen persoon voor deze casus.", ["s-01"]));

        var result = await fixture.AskAsync(PersonalQuestion);

        Assert.True(result.Report.PhrasingUsed);
        Assert.NotEmpty(fixture.Logs.Entries);
        foreach (var entry in fixture.Logs.Entries)
        {
            Assert.DoesNotContain("vechtscheiding", entry.Message, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("111222333", entry.Message);
            Assert.DoesNotContain("aangewezen persoon", entry.Message);
            Assert.DoesNotContain("Marieke", entry.Message);
        }
    }

    [Fact]
    public async Task Ask_FollowUpContinuation_DoesNotCallTheModel()
    {
        await using var fixture = await AssistantFixture.StartAsync();

        var result = await fixture.Assistant.AnswerAsync(
            new(" ", AssistantFixture.Today, null, new Dictionary<string, bool> { ["maatregel-loopt"] = true }, new HashSet<string> { "situatie" }),
            CancellationToken.None);

        Assert.Empty(fixture.Server.Requests);
        Assert.Equal(AssistReport.NotApplicable, result.Report.UnderstandingFallback);
    }
}
