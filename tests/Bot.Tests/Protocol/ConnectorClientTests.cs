using System.Diagnostics;
using System.Text.Json.Nodes;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Hosting;
using Activity = ExpertBot.Bot.Protocol.Activity;

namespace ExpertBot.Bot.Tests.Protocol;

public sealed class ConnectorClientTests
{
    private const string TeamsConversationId = "19:abc@thread.tacv2;messageid=1759";

    private sealed class Fixture : IAsyncDisposable
    {
        public required FakeConnector Connector { get; init; }
        public required IHost Host { get; init; }
        public required FakeTokenProvider Tokens { get; init; }
        public ConnectorClient Client => Host.Services.GetRequiredService<ConnectorClient>();
        public IConversationReferenceStore Store => Host.Services.GetRequiredService<IConversationReferenceStore>();

        public ConversationReference Reference(string? serviceUrl = null) => new()
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl ?? Connector.ServiceUrl,
            ConversationId = TeamsConversationId,
            ConversationType = "channel",
            TenantId = "tenant-1",
            BotId = "28:bot",
            UserId = "29:user",
        };

        public async ValueTask DisposeAsync()
        {
            Host.Dispose();
            await Connector.DisposeAsync();
        }
    }

    private static async Task<Fixture> StartAsync(params (string Key, string Value)[] settings)
    {
        var connector = await FakeConnector.StartAsync();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        var config = new Dictionary<string, string?>
        {
            ["Bot:AllowAnonymous"] = "true",
            ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Bot:RetryBaseDelay"] = "00:00:00.010",
        };
        foreach (var (key, value) in settings)
        {
            config[key] = value;
        }

        builder.Configuration.AddInMemoryCollection(config);
        builder.Services.AddLogging();
        builder.Services.AddBotProtocol(builder.Configuration);
        var tokens = new FakeTokenProvider();
        builder.Services.AddSingleton<IBotTokenProvider>(tokens);
        return new Fixture { Connector = connector, Host = builder.Build(), Tokens = tokens };
    }

    private static Activity Text(string text) => new() { Type = ActivityTypes.Message, Text = text };

    [Fact]
    public async Task Send_TeamsIds_AreUrlEncodedAndBearerAttached()
    {
        await using var f = await StartAsync();

        var sent = await f.Client.ReplyAsync(f.Reference(), "1:reply@x", Text("hallo"), CancellationToken.None);
        await f.Client.UpdateAsync(f.Reference(), "f:6894", Text("nieuw"), CancellationToken.None);
        await f.Client.DeleteAsync(f.Reference(), "f:6894", CancellationToken.None);

        var requests = f.Connector.Requests;
        Assert.Equal(new SendResult.Sent("activity-1"), sent);
        Assert.Equal("POST", requests[0].Method);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1759/activities/1%3Areply%40x", requests[0].RawTarget);
        Assert.Equal("PUT", requests[1].Method);
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1759/activities/f%3A6894", requests[1].RawTarget);
        Assert.Equal("DELETE", requests[2].Method);
        Assert.All(requests, r => Assert.Equal("Bearer fake-bot-token", r.Authorization));
    }

    [Fact]
    public async Task Send_Body_IsCamelCaseWithoutNullsOrServiceUrl()
    {
        await using var f = await StartAsync();

        await f.Client.SendAsync(f.Reference(), Text("hallo").ApplyReference(f.Reference()) with { ServiceUrl = "x" }, CancellationToken.None);

        var body = JsonNode.Parse(f.Connector.Requests.Single().Body)!.AsObject();
        Assert.Equal("/v3/conversations/19%3Aabc%40thread.tacv2%3Bmessageid%3D1759/activities", f.Connector.Requests.Single().RawTarget);
        Assert.Equal(
            """{"type":"message","channelId":"msteams","from":{"id":"28:bot"},"recipient":{"id":"29:user"},"conversation":{"id":"19:abc@thread.tacv2;messageid=1759","conversationType":"channel","tenantId":"tenant-1"},"text":"hallo"}""",
            body.ToJsonString());
    }

    [Fact]
    public async Task CreateConversation_Posts_ReturnsConversationId()
    {
        await using var f = await StartAsync();
        var parameters = new ConversationParameters
        {
            Bot = new ChannelAccount { Id = "28:bot" },
            Members = [new ChannelAccount { Id = "29:user" }],
            IsGroup = false,
            TenantId = "tenant-1",
            ChannelData = new JsonObject { ["tenant"] = new JsonObject { ["id"] = "tenant-1" } },
        };

        var result = await f.Client.CreateConversationAsync(f.Connector.ServiceUrl, parameters, CancellationToken.None);

        Assert.Equal(new SendResult.Sent("activity-1"), result);
        Assert.Equal("/v3/conversations", f.Connector.Requests.Single().RawTarget);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(412)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task Send_RetryableStatus_RetriedThenSent(int status)
    {
        await using var f = await StartAsync();
        f.Connector.Script = (call, _) => call <= 2 ? new ScriptedResponse(status) : null;

        var result = await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        Assert.IsType<SendResult.Sent>(result);
        Assert.Equal(3, f.Connector.Requests.Count);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(413)]
    [InlineData(500)]
    public async Task Send_NonRetryableStatus_NotRetriedAndFailed(int status)
    {
        await using var f = await StartAsync();
        f.Connector.Script = (_, _) => new ScriptedResponse(status, FakeConnector.Error("Scripted"));

        var result = await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        Assert.Equal(new SendResult.Failed(status, "Scripted"), result);
        Assert.Single(f.Connector.Requests);
    }

    [Fact]
    public async Task Send_AlwaysThrottled_GivesUpAfterBoundedAttempts()
    {
        await using var f = await StartAsync(("Bot:MaxRetries", "2"));
        f.Connector.Script = (_, _) => new ScriptedResponse(503);

        var result = await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        Assert.Equal(new SendResult.Failed(503, null), result);
        Assert.Equal(3, f.Connector.Requests.Count);
    }

    [Fact]
    public async Task Send_429WithRetryAfterSeconds_WaitsThatLong()
    {
        await using var f = await StartAsync();
        f.Connector.Script = (call, _) => call == 1 ? new ScriptedResponse(429, FakeConnector.Error("Throttled"), RetryAfter: "1") : null;

        var result = await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        var requests = f.Connector.Requests;
        Assert.IsType<SendResult.Sent>(result);
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(950));
    }

    [Fact]
    public async Task Send_429WithRetryAfterDate_WaitsUntilThen()
    {
        await using var f = await StartAsync();
        f.Connector.Script = (call, _) => call == 1
            ? new ScriptedResponse(429, RetryAfter: DateTimeOffset.UtcNow.AddSeconds(2).ToString("R"))
            : null;

        await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        var requests = f.Connector.Requests;
        // HTTP dates have whole seconds: at least ~1 s remains of the 2 s asked for.
        Assert.True(Stopwatch.GetElapsedTime(requests[0].Timestamp, requests[1].Timestamp) >= TimeSpan.FromMilliseconds(900));
    }

    [Theory]
    [InlineData("BotNotInConversationRoster")]
    [InlineData("ConversationBlockedByUser")]
    [InlineData("ForbiddenOperationException")]
    public async Task Send_403Roster_MarksReferenceUnreachable(string code)
    {
        await using var f = await StartAsync();
        await f.Store.UpsertAsync(f.Reference(), CancellationToken.None);
        f.Connector.Script = (_, _) => new ScriptedResponse(403, FakeConnector.Error(code));

        var result = await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        Assert.Equal(new SendResult.Unreachable(code), result);
        Assert.Single(f.Connector.Requests);
        var stored = await f.Store.GetAsync("msteams", TeamsConversationId, CancellationToken.None);
        Assert.Equal(ReferenceStatus.Unreachable, stored!.Status);
    }

    [Fact]
    public async Task Send_404ConversationNotFound_Dropped()
    {
        await using var f = await StartAsync();
        f.Connector.Script = (_, _) => new ScriptedResponse(404, FakeConnector.Error("ConversationNotFound"));

        var result = await f.Client.SendAsync(f.Reference(), Text("x"), CancellationToken.None);

        Assert.Equal(new SendResult.Dropped("ConversationNotFound"), result);
        Assert.Single(f.Connector.Requests);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("http://smba.trafficmanager.net/emea/")]
    [InlineData("https://smba.trafficmanager.net.evil.com/")]
    [InlineData("https://botframework.com.evil.com/")]
    [InlineData("http://localhost:1/")]
    public async Task Send_ServiceUrlHostNotAllowed_RefusedBeforeToken(string serviceUrl)
    {
        await using var f = await StartAsync();

        var result = await f.Client.SendAsync(f.Reference(serviceUrl), Text("x"), CancellationToken.None);

        Assert.IsType<SendResult.Refused>(result);
        Assert.Equal(0, f.Tokens.Calls);
        Assert.Empty(f.Connector.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://custom.example.org/", false)]
    public async Task HostPolicy_DefaultsAndExtras_Decide(string serviceUrl, bool allowed)
    {
        await using var f = await StartAsync();
        var policy = f.Host.Services.GetRequiredService<OutboundHostPolicy>();
        Assert.Equal(allowed, policy.IsAllowed(serviceUrl));
    }

    [Fact]
    public async Task Send_ManyToOneConversation_PacedAtSevenPerSecond()
    {
        await using var f = await StartAsync();
        var reference = f.Reference();
        // Open the connections first (another thread), so connection set-up doesn't skew the arrival times measured.
        await Task.WhenAll(Enumerable.Range(0, 7).Select(_ => f.Client.SendAsync(reference with { ConversationId = "a:warm-up" }, Text("."), CancellationToken.None)));
        var warmUp = f.Connector.Requests.Count;

        var results = await Task.WhenAll(Enumerable.Range(0, 21).Select(i =>
            f.Client.SendAsync(reference, Text(i.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None)));

        Assert.All(results, r => Assert.IsType<SendResult.Sent>(r));
        var times = f.Connector.Requests.Skip(warmUp).Select(r => r.Timestamp).Order().ToArray();
        Assert.Equal(21, times.Length);
        Assert.True(Stopwatch.GetElapsedTime(times[0], times[^1]) >= TimeSpan.FromMilliseconds(1800));
        // Paced, not a burst. The exact windows are checked on booked send times (ConnectorPacingTests); arrivals
        // here are wall-clock times in a test run that shares the CPU, so only a coarse bound is asserted.
        for (var i = 0; i + 7 < times.Length; i++)
        {
            var span = Stopwatch.GetElapsedTime(times[i], times[i + 7]);
            Assert.True(span >= TimeSpan.FromMilliseconds(600), $"8 arrivals within {span.TotalMilliseconds:F0} ms (#{i})");
        }
    }
}
