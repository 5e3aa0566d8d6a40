using ExpertBot.Bot.LanguageModel;
using ExpertBot.Bot.Protocol;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Conversation;

internal static class ConversationServiceCollectionExtensions
{
    /// <summary>
    /// The chat features: the knowledge (loaded and validated on start — a bad file stops the host with the
    /// file, JSON path and problem), conversation state, and the handlers registered on the router.
    /// </summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddOptions<KnowledgeOptions>().BindConfiguration(KnowledgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
            var environment = sp.GetRequiredService<IHostEnvironment>();
            var knowledge = options.Files.Count == 0
                ? KnowledgeLoader.LoadShipped()
                : KnowledgeLoader.Load(options.Files.Select(f => Read(Path.Combine(environment.ContentRootPath, f))));
            Log.KnowledgeLoaded(sp.GetRequiredService<ILogger<Answerer>>(), knowledge.Experts.Count, knowledge.Routes.Count, knowledge.Articles.Count, knowledge.Version);
            return new Answerer(knowledge);
        });
        // Answers come through the assistant: the knowledge core alone unless Azure OpenAI is configured.
        services.AddLanguageModel();
        services.TryAddSingleton<ConversationStateAccessor>();
        services.AddSingleton<RecentAnswers>();
        services.AddSingleton<ChatHandlers>();
        services.AddHostedService<KnowledgeWarmup>();
        services.ConfigureBotRouter((router, sp) =>
        {
            var chat = sp.GetRequiredService<ChatHandlers>();
            router.OnMessage(chat.OnMessageAsync)
                .OnAdaptiveCardAction(chat.OnCardActionAsync)
                .OnConversationUpdate(chat.OnMembersAddedAsync)
                .OnInstallationUpdate(chat.OnMembersAddedAsync)
                .OnMessageReaction(chat.OnReactionAsync);
        });
        return services;
    }

    private static KnowledgeSource Read(string path)
    {
        try
        {
            return KnowledgeSource.FromFile(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KnowledgeLoadException([new KnowledgeError(path, "$", $"cannot read the file ({e.GetType().Name}); check Knowledge:Files")]);
        }
    }

    /// <summary>Loads the knowledge before the host accepts requests, so invalid knowledge stops the start.</summary>
    private sealed class KnowledgeWarmup(Answerer answerer) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            _ = answerer.Knowledge;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
