using ExpertBot.Bot.Conversation;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Reminders;

internal static class RemindersServiceCollectionExtensions
{
    /// <summary>
    /// Evaluation-date reminders: options (section <c>Reminders</c>, validated on start), the store (on the storage
    /// provider; needs <c>AddBotStorage</c>), the chat and card handlers, and the background scheduler.
    /// </summary>
    public static IServiceCollection AddReminders(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RemindersOptions>, RemindersOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<SqlReminderStore>();
        services.TryAddSingleton<IReminderStore>(sp => sp.GetRequiredService<SqlReminderStore>());
        services.TryAddSingleton<ReminderService>();
        // The ask-back of a date is kept with the chat's small per-conversation documents.
        services.TryAddSingleton<ConversationStateAccessor>();
        services.TryAddSingleton<ReminderHandlers>();
        services.AddSingleton<IIntentHandler>(sp => sp.GetRequiredService<ReminderHandlers>());
        services.AddSingleton<IIntentHandler, ReminderAskBackAnswers>();
        services.AddSingleton<ICardVerbHandler>(sp => sp.GetRequiredService<ReminderHandlers>());
        services.AddSingleton<Requests.IRequestSubmittedListener, RequestEvaluationReminders>();
        services.TryAddSingleton<ReminderScheduler>();
        services.AddHostedService(sp => sp.GetRequiredService<ReminderScheduler>());
        return services;
    }
}
