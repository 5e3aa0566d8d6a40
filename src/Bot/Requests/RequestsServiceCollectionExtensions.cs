using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Storage.Postgres;
using ExpertBot.Bot.Storage.Sqlite;
using ExpertBot.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Requests;

internal static class RequestsServiceCollectionExtensions
{
    /// <summary>
    /// Requests to the GI: options (validated on start), the store on the configured provider, routing, the
    /// outbox dispatcher, and the chat handlers (intent "request", the request verbs, typed commands).
    /// Needs AddBotStorage and AddConversation.
    /// </summary>
    public static IServiceCollection AddRequests(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RequestsOptions>().BindConfiguration(RequestsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RequestsOptions>, RequestsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddRequestStore();
        services.TryAddSingleton(sp => new RequestRouting(
            sp.GetRequiredService<IRequestStore>(),
            sp.GetRequiredService<IConversationReferenceStore>(),
            sp.GetRequiredService<IOptions<RequestsOptions>>(),
            () => sp.GetRequiredService<Answerer>().Knowledge));
        services.TryAddSingleton<RequestDispatchSignal>();
        services.TryAddSingleton<RequestService>();
        services.TryAddSingleton<RequestDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<RequestDispatcher>());
        services.TryAddSingleton<RequestHandlers>();
        services.AddSingleton<IIntentHandler>(sp => sp.GetRequiredService<RequestHandlers>());
        services.AddSingleton<ICardVerbHandler>(sp => sp.GetRequiredService<RequestHandlers>());
        services.AddSingleton<IMessageCommandHandler>(sp => sp.GetRequiredService<RequestHandlers>());
        return services;
    }

    /// <summary>The request store on the provider <c>Storage:Provider</c> names (also used by the <c>report</c> command). Needs AddBotStorage.</summary>
    public static IServiceCollection AddRequestStore(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<IRequestStore>(sp => new SqlRequestStore(sp.GetRequiredService<StorageDatabase>()));
        return services;
    }
}
