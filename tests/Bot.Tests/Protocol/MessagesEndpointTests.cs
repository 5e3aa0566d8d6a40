using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Tests.Protocol;

public sealed class MessagesEndpointTests
{
    // Anonymous Development mode: these tests are about the endpoint, not the token (see InboundAuthTests).
    private static Dictionary<string, string?> Anonymous(params (string Key, string Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["Bot:RetryBaseDelay"] = "00:00:00.010" };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    private static Task<BotHost> StartAsync(
        Action<ActivityRouter, IServiceProvider>? routes = null,
        Action<IServiceCollection>? services = null,
        params (string, string)[] settings) =>
        BotHost.StartAsync(Anonymous(settings), routes, services, environment: "Development");

    [Fact]
    public async Task Post_MalformedJson_Returns400()
    {
        await using var bot = await StartAsync();
        using var response = await bot.PostRawAsync("{\"type\": \"message\", ");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_MissingType_Returns400()
    {
        await using var bot = await StartAsync();
        using var response = await bot.PostRawAsync("""{"id":"1","text":"hallo"}""");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Post_NonJsonContentType_Returns415()
    {
        await using var bot = await StartAsync();
        using var response = await bot.PostRawAsync("""{"type":"message"}""", contentType: "text/plain");
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyAboveLimit_Returns413()
    {
        await using var bot = await StartAsync(settings: ("Bot:MaxBodyBytes", "2048"));
        var activity = BotHost.Message("http://127.0.0.1:1/", text: new string('x', 4096));
        using var response = await bot.PostAsync(activity);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ChunkedBodyAboveLimit_Returns413WhileReading()
    {
        await using var bot = await StartAsync(settings: ("Bot:MaxBodyBytes", "2048"));
        // No Content-Length: the limit must hold while streaming.
        var content = new StreamContent(new MemoryStream(new byte[64 * 1024]));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = content };
        request.Headers.TransferEncodingChunked = true;

        using var response = await bot.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_ReadBounded_StopsAfterLimit()
    {
        var large = new MemoryStream(new byte[10_000]);
        Assert.Null(await MessagesEndpoint.ReadBoundedAsync(large, 1024, CancellationToken.None));
        Assert.True(large.Position < 10_000);
        Assert.Equal(100, (await MessagesEndpoint.ReadBoundedAsync(new MemoryStream(new byte[100]), 1024, CancellationToken.None))!.Length);
    }

    [Fact]
    public async Task Post_UnknownActivityType_Returns200AndIgnores()
    {
        await using var bot = await StartAsync((router, _) => router.OnMessage((_, _) => Task.CompletedTask));
        using var response = await bot.PostRawAsync("""{"type":"somethingNew","id":"9","channelId":"msteams","conversation":{"id":"c"}}""");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The "ignored" event may be logged just after the 200 went out.
        await Loopback.WaitUntilAsync(() => bot.Logs.Entries.Any(e => e.EventId == 1012));
        Assert.Contains(bot.Logs.Entries, e => e.EventId == 1012);
    }

    [Fact]
    public async Task Post_UnknownInvokeName_Returns501WithErrorBody()
    {
        await using var bot = await StartAsync();
        var invoke = BotHost.Message("http://127.0.0.1:1/") with { Type = ActivityTypes.Invoke, Name = "composeExtension/query", Text = null };

        using var response = await bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.NotImplemented, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("NotImplemented", (string?)body["code"]);
    }

    [Fact]
    public async Task Post_Message_AcknowledgesBeforeHandlerFinishes()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync((router, _) => router.OnMessage(async (turn, ct) =>
        {
            await release.Task.WaitAsync(ct);
            handled.TrySetResult(turn.Activity.StripBotMention());
        }));

        using var response = await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/", text: "  hallo  "));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(handled.Task.IsCompleted);
        release.SetResult();
        Assert.Equal("hallo", await handled.Task.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Post_Invoke_RunsInlineAndReturnsHandlerResponse()
    {
        await using var bot = await StartAsync((router, _) => router.OnAdaptiveCardAction((turn, _) =>
            Task.FromResult(InvokeResponse.AdaptiveCardMessage("ok:" + (string?)turn.Activity.Value?["action"]?["verb"]))));
        var invoke = BotHost.Message("http://127.0.0.1:1/") with
        {
            Type = ActivityTypes.Invoke,
            Name = InvokeNames.AdaptiveCardAction,
            Value = JsonNode.Parse("""{"action":{"type":"Action.Execute","verb":"approve","data":{}}}"""),
        };

        using var response = await bot.PostAsync(invoke);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("ok:approve", (string?)body["value"]);
        Assert.Equal(200, (int?)body["statusCode"]);
    }

    [Fact]
    public async Task Post_InvokeOverrunningDeadline_Returns200StillWorkingAndCachesFinalAnswer()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var calls = 0;
        await using var bot = await StartAsync(
            (router, _) => router.OnAdaptiveCardAction(async (_, ct) =>
            {
                Interlocked.Increment(ref calls);
                await release.Task.WaitAsync(ct);
                return InvokeResponse.AdaptiveCardMessage("done");
            }),
            settings: [("Bot:InvokeTimeout", "00:00:00.200"), ("Bot:InvokeStillWorkingMessage", "bezig")]);
        var invoke = BotHost.Message("http://127.0.0.1:1/") with { Type = ActivityTypes.Invoke, Name = InvokeNames.AdaptiveCardAction };

        using var first = await bot.PostAsync(invoke);
        var firstBody = JsonNode.Parse(await first.Content.ReadAsStringAsync())!;
        release.SetResult();
        await Loopback.WaitUntilAsync(() => bot.Logs.Entries.Count(e => e.EventId == 1024) == 1);
        var cache = bot.Services.GetRequiredService<InvokeResponseCache>();
        await Loopback.WaitUntilAsync(() => cache.Get("a:1personal", invoke.Id!) is not null);
        using var redelivered = await bot.PostAsync(invoke);
        var redeliveredBody = JsonNode.Parse(await redelivered.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("bezig", (string?)firstBody["value"]);
        Assert.Equal("done", (string?)redeliveredBody["value"]);
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task Post_InvokeHandlerThrows_Returns500AndHostSurvives()
    {
        await using var bot = await StartAsync((router, _) => router.OnInvoke("task/fetch", (_, _) => throw new InvalidOperationException("boom")));
        var invoke = BotHost.Message("http://127.0.0.1:1/") with { Type = ActivityTypes.Invoke, Name = InvokeNames.TaskFetch };

        using var failed = await bot.PostAsync(invoke);
        using var next = await bot.PostAsync(invoke with { Id = "other" });

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, next.StatusCode);
        Assert.Contains(bot.Logs.Entries, e => e.EventId == 1023 && e.Exception is InvalidOperationException);
    }

    [Fact]
    public async Task Post_RedeliveredMessage_HandledOnce()
    {
        var handled = Channel.CreateUnbounded<string>();
        await using var bot = await StartAsync((router, _) => router.OnMessage((turn, _) =>
            handled.Writer.WriteAsync(turn.Activity.Id!).AsTask()));
        var message = BotHost.Message("http://127.0.0.1:1/");

        using var first = await bot.PostAsync(message);
        using var second = await bot.PostAsync(message);
        using var other = await bot.PostAsync(message with { Id = "next" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(message.Id, await handled.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal("next", await handled.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.False(handled.Reader.TryRead(out _));
        Assert.Contains(bot.Logs.Entries, e => e.EventId == 1011);
    }

    [Fact]
    public async Task Stop_WithQueuedTurns_FinishesThemBeforeExiting()
    {
        var handled = new ConcurrentQueue<string>();
        var bot = await StartAsync((router, _) => router.OnMessage(async (turn, ct) =>
        {
            await Task.Delay(200, ct);
            handled.Enqueue(turn.Activity.Id!);
        }));
        var message = BotHost.Message("http://127.0.0.1:1/");
        foreach (var id in new[] { "m1", "m2", "m3", "m4" })
        {
            using var response = await bot.PostAsync(message with { Id = id });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await bot.DisposeAsync();

        Assert.Equal(["m1", "m2", "m3", "m4"], handled.Order());
    }

    [Fact]
    public async Task Turns_OneConversationStuck_OtherConversationsStillRunInOrder()
    {
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var handled = new ConcurrentQueue<string>();
        var othersDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync(
            (router, _) => router.OnMessage(async (turn, ct) =>
            {
                if (turn.Activity.Conversation!.Id == "a:stuck")
                {
                    await release.Task.WaitAsync(ct);
                }

                handled.Enqueue(turn.Activity.Id!);
                if (handled.Count(id => id.StartsWith("other", StringComparison.Ordinal)) == 20)
                {
                    othersDone.TrySetResult();
                }
            }),
            settings: ("Bot:Workers", "2"));

        await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/", id: "stuck-1", conversationId: "a:stuck"));
        await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/", id: "stuck-2", conversationId: "a:stuck"));
        for (var i = 0; i < 20; i++)
        {
            // Ten conversations with two turns each: with one worker held, the other serves them all.
            await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/", id: $"other-{i:D2}", conversationId: $"a:other{i % 10}"));
        }

        await othersDone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.DoesNotContain(handled, id => id.StartsWith("stuck", StringComparison.Ordinal));

        release.SetResult();
        await bot.DisposeAsync();

        Assert.Equal(["stuck-1", "stuck-2"], handled.Where(id => id.StartsWith("stuck", StringComparison.Ordinal)));
        for (var c = 0; c < 10; c++)
        {
            Assert.Equal([$"other-{c:D2}", $"other-{c + 10:D2}"], handled.Where(id => id.EndsWith(c.ToString("D1"), StringComparison.Ordinal) && id.StartsWith("other", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Post_QueueClosed_Returns503AndRedeliveryIsHandled()
    {
        var handled = Channel.CreateUnbounded<string>();
        await using var bot = await StartAsync((router, _) => router.OnMessage((turn, _) =>
            handled.Writer.WriteAsync(turn.Activity.Id!).AsTask()));
        var message = BotHost.Message("http://127.0.0.1:1/") with { Id = "while-stopping" };
        var queue = bot.Services.GetRequiredService<TurnQueue>();
        var deduplicator = bot.Services.GetRequiredService<ExpertBot.Bot.Storage.IActivityDeduplicator>();
        queue.Complete();

        using var refused = await bot.PostAsync(message);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        // The id was forgotten: a redelivery (to this or another instance) is not dropped as a duplicate.
        Assert.True(await deduplicator.TryBeginAsync(message.Conversation!.Id!, message.Id!, CancellationToken.None));
    }

    [Fact]
    public async Task Turn_HandlerThrows_LoggedWithoutTextAndNextTurnRuns()
    {
        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync((router, _) => router.OnMessage((turn, _) =>
        {
            if (turn.Activity.Id == "bad")
            {
                throw new InvalidOperationException("handler bug");
            }

            handled.TrySetResult();
            return Task.CompletedTask;
        }));

        await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/", text: "geheime casus Jansen", id: "bad"));
        await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/", text: "geheime casus Jansen", id: "good"));

        await handled.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Contains(bot.Logs.Entries, e => e.EventId == 1023 && e.Message.Contains("bad", StringComparison.Ordinal));
        Assert.DoesNotContain(bot.Logs.Entries, e => e.Message.Contains("Jansen", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Turn_HandlerExceedsTurnTimeout_CancelledAndLogged()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var bot = await StartAsync(
            (router, _) => router.OnMessage(async (_, ct) =>
            {
                started.TrySetResult();
                await Task.Delay(Timeout.Infinite, ct);
            }),
            services => services.AddSingleton<TimeProvider>(time),
            ("Bot:TurnTimeout", "00:00:30"));

        await bot.PostAsync(BotHost.Message("http://127.0.0.1:1/"));
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(29));
        Assert.DoesNotContain(bot.Logs.Entries, e => e.EventId == 1021);
        time.Advance(TimeSpan.FromSeconds(2));

        await Loopback.WaitUntilAsync(() => bot.Logs.Entries.Any(e => e.EventId == 1021));
    }

    [Fact]
    public async Task Post_Message_UpsertsReferenceAndRefreshesChangedServiceUrl()
    {
        await using var bot = await StartAsync();
        var store = bot.Services.GetRequiredService<IConversationReferenceStore>();
        var message = BotHost.Message("http://127.0.0.1:1/emea/") with
        {
            ChannelData = JsonNode.Parse("""{"tenant":{"id":"tenant-cd"},"team":{"id":"19:team"},"channel":{"id":"19:chan"}}""")!.AsObject(),
        };

        await bot.PostAsync(message);
        var first = await store.GetAsync("msteams", "a:1personal", CancellationToken.None);
        await bot.PostAsync(message with { Id = "2", ServiceUrl = "http://127.0.0.1:1/amer/" });
        var second = await store.GetAsync("msteams", "a:1personal", CancellationToken.None);

        Assert.NotNull(first);
        Assert.Equal("http://127.0.0.1:1/emea/", first.Reference.ServiceUrl);
        Assert.Equal("19:team", first.Reference.TeamId);
        Assert.Equal("http://127.0.0.1:1/amer/", second!.Reference.ServiceUrl);
        Assert.Equal(ReferenceStatus.Active, second.Status);
    }

    [Theory]
    [InlineData("remove")]
    [InlineData("remove-upgrade")]
    public async Task Post_InstallationUpdateRemove_MarksReferenceRevoked(string action)
    {
        await using var bot = await StartAsync();
        var store = bot.Services.GetRequiredService<IConversationReferenceStore>();
        var add = BotHost.Message("http://127.0.0.1:1/") with { Type = ActivityTypes.InstallationUpdate, Action = "add", Text = null };

        await bot.PostAsync(add);
        await bot.PostAsync(add with { Id = "removed", Action = action });

        var stored = await store.GetAsync("msteams", "a:1personal", CancellationToken.None);
        Assert.Equal(ReferenceStatus.Revoked, stored!.Status);
    }

    [Fact]
    public async Task Start_NoAppIdOutsideDevelopment_RefusesNamingKey()
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            BotHost.StartAsync(new Dictionary<string, string?>(), environment: "Production"));
        Assert.Contains("Bot:AppId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_AllowAnonymous_AcceptsWithoutTokenAndWarns()
    {
        await using var bot = await BotHost.StartAsync(
            new Dictionary<string, string?> { ["Bot:AllowAnonymous"] = "true" }, environment: "Production");

        using var response = await bot.PostAsync(BotHost.Message("https://smba.trafficmanager.net/emea/"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(bot.Logs.Entries, e => e.EventId == 1000 && e.Level == LogLevel.Warning);
    }

    [Fact]
    public async Task Start_DuplicateRoute_Throws()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync((router, _) => router
            .OnMessage((_, _) => Task.CompletedTask)
            .OnMessage((_, _) => Task.CompletedTask)));
        Assert.Contains("message", error.Message, StringComparison.Ordinal);
    }
}
