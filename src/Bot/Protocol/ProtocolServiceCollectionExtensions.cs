using System.Net;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;

namespace ExpertBot.Bot.Protocol;

internal static class ProtocolServiceCollectionExtensions
{
    /// <summary>
    /// The wire protocol: options (section <c>Bot</c>, validated on start), inbound token validation, the
    /// router, the background turn workers, the Connector client with retries and pacing, and in-memory
    /// reference/deduplication stores unless durable ones are registered.
    /// </summary>
    public static IServiceCollection AddBotProtocol(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<BotOptions>().BindConfiguration(BotOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<BotOptions>>(sp =>
            new BotOptionsValidator(sp.GetRequiredService<IHostEnvironment>(), configuration ?? sp.GetService<IConfiguration>()));

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IConversationReferenceStore, InMemoryConversationReferenceStore>();
        services.TryAddSingleton<IActivityDeduplicator, InMemoryActivityDeduplicator>();

        services.TryAddSingleton(sp =>
        {
            var router = new ActivityRouter();
            foreach (var configure in sp.GetServices<RouterConfiguration>())
            {
                configure.Apply(router, sp);
            }

            router.Freeze();
            return router;
        });
        services.TryAddSingleton<BotTokenValidator>();
        services.TryAddSingleton<InvokeResponseCache>();
        services.TryAddSingleton<TurnQueue>();
        services.TryAddSingleton<TurnRunner>();
        services.TryAddSingleton<MessagesEndpoint>();
        services.TryAddSingleton<OutboundHostPolicy>();
        // Teams counts real seconds, whatever clock the rest of the app runs on (tests simulate days with a fake one).
        services.TryAddSingleton(sp => new ConnectorPacing(sp.GetRequiredService<IOptions<BotOptions>>(), TimeProvider.System));
        services.TryAddSingleton<IBotTokenProvider>(CreateTokenProvider);
        services.AddHostedService<TurnWorker>();

        services.AddHttpClient(BotTokenValidator.MetadataHttpClient);
        services.AddTransient<PacingHandler>();
        services.AddHttpClient<ConnectorClient>(ConnectorClient.HttpClientName)
            .AddResilienceHandler("connector-retry", (pipeline, context) =>
            {
                var bot = context.ServiceProvider.GetRequiredService<IOptions<BotOptions>>().Value;
                pipeline.AddRetry(new HttpRetryStrategyOptions
                {
                    // Teams: retry only these; never 400, 401, 403, 404, 413 or 500. Network errors aren't
                    // retried either: the message may have been posted already.
                    ShouldHandle = args => ValueTask.FromResult(args.Outcome.Result?.StatusCode is { } status && IsRetryable(status)),
                    ShouldRetryAfterHeader = true,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = bot.RetryBaseDelay,
                    MaxDelay = TimeSpan.FromSeconds(30),
                    MaxRetryAttempts = bot.MaxRetries,
                });
            });
        services.AddHttpClient(ConnectorClient.HttpClientName).AddHttpMessageHandler<PacingHandler>();
        return services;
    }

    /// <summary>Registers handlers; the router is built (and frozen) once, from all such registrations.</summary>
    public static IServiceCollection ConfigureBotRouter(this IServiceCollection services, Action<ActivityRouter, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        services.AddSingleton(new RouterConfiguration(configure));
        return services;
    }

    /// <summary>Maps the Bot Framework messaging endpoint and builds the router, so duplicate routes fail at start.</summary>
    public static IEndpointRouteBuilder MapBotMessages(this IEndpointRouteBuilder endpoints, string pattern = "/api/messages")
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        _ = endpoints.ServiceProvider.GetRequiredService<ActivityRouter>();
        endpoints.MapPost(pattern, (HttpContext http, MessagesEndpoint endpoint) => endpoint.HandleAsync(http))
            .DisableAntiforgery()
            .WithName("BotMessages");
        return endpoints;
    }

    internal static bool IsRetryable(HttpStatusCode status) => status is
        HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway
        or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    private static IBotTokenProvider CreateTokenProvider(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<BotOptions>>();
        if (!options.Value.HasAppId)
        {
            return new NoBotTokenProvider();
        }

        return options.Value.AppType == BotAppType.UserAssignedMSI
            ? new ManagedIdentityBotTokenProvider(options)
            : new MsalBotTokenProvider(options);
    }

    internal sealed class RouterConfiguration(Action<ActivityRouter, IServiceProvider> configure)
    {
        public void Apply(ActivityRouter router, IServiceProvider services) => configure(router, services);
    }
}
