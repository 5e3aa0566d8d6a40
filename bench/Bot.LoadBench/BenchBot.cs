using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using Microsoft.Data.Sqlite;

namespace ExpertBot.Bench.LoadBench;

/// <summary>
/// The bot under load: Program.cs's composition (storage on a temp SQLite file, protocol, conversation) on
/// Kestrel 127.0.0.1:0, in Production with authentication on. Only the outbound token is faked (no Entra on
/// loopback) and logs go to a sink that formats but writes nowhere. Echo mode swaps the chat handlers for a
/// router whose only handler echoes text; everything else in the pipeline stays.
/// </summary>
internal sealed class BenchBot : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataDir;

    private BenchBot(WebApplication app, string dataDir)
    {
        _app = app;
        _dataDir = dataDir;
        BaseAddress = new Uri(Loopback.BaseAddress(app));
    }

    public Uri BaseAddress { get; }

    public static async Task<BenchBot> StartAsync(TestTokenAuthority authority, bool echo, IReadOnlyDictionary<string, string> extra)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "expertbot-loadbench-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDir);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Production",
            Args = [],
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Settings(authority, dataDir, extra));
        builder.Logging.ClearProviders().AddProvider(new DiscardingLoggerProvider());

        // As Program.cs: durable stores first, then the protocol, then the chat.
        builder.Services.AddBotStorage();
        builder.Services.AddBotProtocol(builder.Configuration);
        if (echo)
        {
            builder.Services.ConfigureBotRouter((router, _) => router.OnMessage(
                (turn, ct) => turn.ReplyAsync("Echo: " + turn.Activity.StripBotMention(), ct)));
        }
        else
        {
            builder.Services.AddConversation();
        }

        // No Entra on loopback: the outbound token is a constant; the connector's allowlist, pacing and retries stay.
        builder.Services.AddSingleton<IBotTokenProvider>(new FakeTokenProvider());

        var app = builder.Build();
        app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
        app.MapBotMessages();
        await app.StartAsync();
        return new BenchBot(app, dataDir);
    }

    /// <summary>Production settings (appsettings.json's log levels included), authentication against the local authority.</summary>
    private static Dictionary<string, string?> Settings(TestTokenAuthority authority, string dataDir, IReadOnlyDictionary<string, string> extra)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:System.Net.Http.HttpClient"] = "Warning",
            ["Logging:LogLevel:Polly"] = "Warning",
            ["Bot:AppId"] = TestTokenAuthority.AppId,
            ["Bot:AppType"] = "MultiTenant",
            ["Bot:ClientSecret"] = "not-used-the-token-provider-is-faked",
            ["Bot:OpenIdMetadataUrl"] = authority.MetadataUrl,
            ["Bot:AllowedServiceUrlHosts:0"] = "127.0.0.1",
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = Path.Combine(dataDir, "expertbot.db"),
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A late SQLite handle; the temp folder is harmless.
        }
    }
}

/// <summary>Evaluates levels and formats every enabled message, as a real provider would, then drops it: no I/O in the figures.</summary>
internal sealed class DiscardingLoggerProvider : ILoggerProvider
{
    private static long s_messages;

    public static long Messages => Interlocked.Read(ref s_messages);

    public ILogger CreateLogger(string categoryName) => new DiscardingLogger();

    public void Dispose() { }

    private sealed class DiscardingLogger : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (formatter(state, exception).Length >= 0)
            {
                Interlocked.Increment(ref s_messages);
            }
        }
    }
}
