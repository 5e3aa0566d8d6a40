using ExpertBot.Knowledge.Answers;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.LanguageModel;

internal static class LanguageModelServiceCollectionExtensions
{
    /// <summary>
    /// The answer assistant (section <c>AzureOpenAI</c>, validated on start). Without <c>AzureOpenAI:Endpoint</c> it
    /// is the embedded knowledge core alone and nothing that calls out is created. Needs an <see cref="Answerer"/>.
    /// </summary>
    public static IServiceCollection AddLanguageModel(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<AzureOpenAIOptions>().BindConfiguration(AzureOpenAIOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureOpenAIOptions>, AzureOpenAIOptionsValidator>());
        services.TryAddSingleton<IAnswerAssistant>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
            var answerer = sp.GetRequiredService<Answerer>();
            if (!options.Enabled)
            {
                return new EmbeddedAssistant(answerer);
            }

            var logger = sp.GetRequiredService<ILogger<AzureOpenAIAssistant>>();
            Log.Enabled(logger, options.Deployment!, string.IsNullOrEmpty(options.ApiKey) ? "managed identity" : "API key",
                (long)options.Timeout.TotalMilliseconds, options.CacheSize);
            return new AzureOpenAIAssistant(answerer, new AzureChatModel(options), options, logger);
        });
        return services;
    }
}
