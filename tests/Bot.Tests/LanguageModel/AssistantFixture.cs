using Azure.Core;
using ExpertBot.Bot.LanguageModel;
using ExpertBot.Bot.Tests.Protocol;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Tests.LanguageModel;

/// <summary>The real assistant and the real Azure OpenAI client, pointed at a <see cref="FakeAzureOpenAI"/> of its own.</summary>
internal sealed class AssistantFixture : IAsyncDisposable
{
    /// <summary>Monday 23 November 2026.</summary>
    public static readonly DateOnly Today = new(2026, 11, 23);

    private static readonly Lazy<Answerer> Shipped = new(() => new Answerer(KnowledgeLoader.LoadShipped()));

    private readonly ILoggerFactory _loggers;

    private AssistantFixture(FakeAzureOpenAI server, AzureOpenAIAssistant assistant, LogSink logs, ILoggerFactory loggers)
    {
        Server = server;
        Assistant = assistant;
        Logs = logs;
        _loggers = loggers;
    }

    public FakeAzureOpenAI Server { get; }
    public AzureOpenAIAssistant Assistant { get; }
    public LogSink Logs { get; }
    public static Answerer Answerer => Shipped.Value;

    public static async Task<AssistantFixture> StartAsync(TimeSpan? timeout = null, TokenCredential? managedIdentity = null, int cacheSize = 100)
    {
        var server = await FakeAzureOpenAI.StartAsync();
        var options = new AzureOpenAIOptions
        {
            Endpoint = server.Endpoint,
            Deployment = FakeAzureOpenAI.Deployment,
            ApiKey = managedIdentity is null ? FakeAzureOpenAI.ApiKey : null,
            UseManagedIdentity = managedIdentity is not null,
            Timeout = timeout ?? TimeSpan.FromSeconds(4),
            CacheSize = cacheSize,
        };
        var logs = new LogSink();
        var loggers = LoggerFactory.Create(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        var assistant = new AzureOpenAIAssistant(Answerer, new AzureChatModel(options, managedIdentity), options, loggers.CreateLogger<AzureOpenAIAssistant>());
        return new AssistantFixture(server, assistant, logs, loggers);
    }

    public Task<AssistedAnswer> AskAsync(string text, Lang? locale = null) =>
        Assistant.AnswerAsync(new Question(text, Today, locale), CancellationToken.None);

    public static Answer Embedded(string text, Lang? locale = null) => Answerer.Ask(new Question(text, Today, locale));

    public async ValueTask DisposeAsync()
    {
        Assistant.Dispose();
        _loggers.Dispose();
        await Server.DisposeAsync();
    }
}

/// <summary>A managed identity stand-in: hands out a fixed token and remembers the scopes asked for.</summary>
internal sealed class FakeTokenCredential : TokenCredential
{
    public const string Token = "fake-managed-identity-token";

    public List<string> Scopes { get; } = [];

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        lock (Scopes)
        {
            Scopes.AddRange(requestContext.Scopes);
        }

        return new AccessToken(Token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
