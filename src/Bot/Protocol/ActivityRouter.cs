namespace ExpertBot.Bot.Protocol;

/// <summary>
/// One handler per activity type and one per invoke name. Registering a route twice throws, so a
/// mistake shows at start-up instead of as a handler that silently never runs. Frozen once the host
/// builds it (see <see cref="ProtocolServiceCollectionExtensions.ConfigureBotRouter"/>).
/// </summary>
internal sealed class ActivityRouter
{
    private readonly Dictionary<string, Func<ITurnContext, CancellationToken, Task>> _handlers =
        new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Func<ITurnContext, CancellationToken, Task<InvokeResponse>>> _invokeHandlers =
        new(StringComparer.OrdinalIgnoreCase);
    private volatile bool _frozen;

    public ActivityRouter Register(string activityType, Func<ITurnContext, CancellationToken, Task> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(activityType);
        ArgumentNullException.ThrowIfNull(handler);
        if (string.Equals(activityType, ActivityTypes.Invoke, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException("Invokes are routed by name: use OnInvoke(name, handler).", nameof(activityType));
        }

        ThrowIfFrozen();
        if (!_handlers.TryAdd(activityType, handler))
        {
            throw new InvalidOperationException($"A handler for activity type '{activityType}' is already registered.");
        }

        return this;
    }

    public ActivityRouter RegisterInvoke(string name, Func<ITurnContext, CancellationToken, Task<InvokeResponse>> handler)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(handler);
        ThrowIfFrozen();
        if (!_invokeHandlers.TryAdd(name, handler))
        {
            throw new InvalidOperationException($"A handler for invoke '{name}' is already registered.");
        }

        return this;
    }

    internal void Freeze() => _frozen = true;

    internal bool HasHandler(Activity activity) =>
        activity.IsInvoke()
            ? activity.Name is { } name && _invokeHandlers.ContainsKey(name)
            : activity.Type is { } type && _handlers.ContainsKey(type);

    /// <summary>Runs the handler for a non-invoke activity; false when there is none (the activity is ignored).</summary>
    internal async Task<bool> DispatchAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        if (context.Activity.Type is not { } type || !_handlers.TryGetValue(type, out var handler))
        {
            return false;
        }

        await handler(context, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Runs the handler for an invoke; 501 with an error body when no handler has its name.</summary>
    internal Task<InvokeResponse> InvokeAsync(ITurnContext context, CancellationToken cancellationToken)
    {
        var name = context.Activity.Name;
        if (name is null || !_invokeHandlers.TryGetValue(name, out var handler))
        {
            return Task.FromResult(InvokeResponse.Error(
                StatusCodes.Status501NotImplemented, "NotImplemented", "The bot does not handle this invoke."));
        }

        return handler(context, cancellationToken);
    }

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("Routes are registered at start-up, through ConfigureBotRouter.");
        }
    }
}

/// <summary>Registration in the shape of the Teams SDK: one extension method per activity kind.</summary>
internal static class ActivityRouterExtensions
{
    public static ActivityRouter OnMessage(this ActivityRouter router, Func<ITurnContext, CancellationToken, Task> handler) =>
        router.Register(ActivityTypes.Message, handler);

    public static ActivityRouter OnConversationUpdate(this ActivityRouter router, Func<ITurnContext, CancellationToken, Task> handler) =>
        router.Register(ActivityTypes.ConversationUpdate, handler);

    public static ActivityRouter OnInstallationUpdate(this ActivityRouter router, Func<ITurnContext, CancellationToken, Task> handler) =>
        router.Register(ActivityTypes.InstallationUpdate, handler);

    public static ActivityRouter OnMessageReaction(this ActivityRouter router, Func<ITurnContext, CancellationToken, Task> handler) =>
        router.Register(ActivityTypes.MessageReaction, handler);

    public static ActivityRouter OnActivity(this ActivityRouter router, string activityType, Func<ITurnContext, CancellationToken, Task> handler) =>
        router.Register(activityType, handler);

    public static ActivityRouter OnInvoke(this ActivityRouter router, string name, Func<ITurnContext, CancellationToken, Task<InvokeResponse>> handler) =>
        router.RegisterInvoke(name, handler);

    public static ActivityRouter OnAdaptiveCardAction(this ActivityRouter router, Func<ITurnContext, CancellationToken, Task<InvokeResponse>> handler) =>
        router.RegisterInvoke(InvokeNames.AdaptiveCardAction, handler);
}
