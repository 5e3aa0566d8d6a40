using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

/// <summary>
/// Runs turns with their own budget, detached from the HTTP request, through one error funnel: a timeout or
/// shutdown is logged as such, any other exception is logged with the activity's type and id (never its
/// text), and nothing escapes to crash the host.
/// </summary>
internal sealed class TurnRunner(
    ActivityRouter router,
    IServiceScopeFactory scopes,
    InvokeResponseCache invokeResponses,
    IHostApplicationLifetime lifetime,
    IOptions<BotOptions> options,
    TimeProvider time,
    ILogger<TurnRunner> logger)
{
    private readonly BotOptions _options = options.Value;

    /// <summary>A background turn (message, conversationUpdate, …).</summary>
    public async Task RunAsync(QueuedTurn turn, CancellationToken stoppingToken)
    {
        var activity = turn.Activity;
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        using var timeout = new CancellationTokenSource(_options.TurnTimeout, time);
        using var link = timeout.Token.Register(cts.Cancel);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = CreateContext(activity, turn.Reference, scope.ServiceProvider);
            var started = time.GetTimestamp();
            await router.DispatchAsync(context, cts.Token).ConfigureAwait(false);
            Log.TurnCompleted(logger, activity.Type, activity.Id, time.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            if (timeout.IsCancellationRequested)
            {
                Log.TurnTimedOut(logger, activity.Type, activity.Id, _options.TurnTimeout);
            }
            else
            {
                Log.TurnCancelled(logger, activity.Type, activity.Id);
            }
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, activity.Type, activity.Id, ex);
        }
    }

    /// <summary>
    /// An invoke, inline: the handler's answer if it comes within <see cref="BotOptions.InvokeTimeout"/>,
    /// otherwise a "still working" answer (HTTP 200) while the handler goes on under the turn timeout; its
    /// final answer is cached for a redelivery of the same invoke.
    /// </summary>
    public async Task<InvokeResponse> InvokeAsync(Activity activity, ConversationReference? reference)
    {
        var handler = RunInvokeAsync(activity, reference);
        using var deadline = new CancellationTokenSource();
        var winner = await Task.WhenAny(handler, Task.Delay(_options.InvokeTimeout, time, deadline.Token)).ConfigureAwait(false);
        if (winner == handler)
        {
            await deadline.CancelAsync().ConfigureAwait(false);
            var response = await handler.ConfigureAwait(false);
            Remember(activity, response);
            return response;
        }

        Log.InvokeOverran(logger, activity.Name, activity.Id, _options.InvokeTimeout);
        _ = handler.ContinueWith(
            t => Remember(activity, t.Result),
            CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        return StillWorking(activity);
    }

    private async Task<InvokeResponse> RunInvokeAsync(Activity activity, ConversationReference? reference)
    {
        // Yield first so the deadline starts counting even if the handler blocks synchronously.
        await Task.Yield();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        using var timeout = new CancellationTokenSource(_options.TurnTimeout, time);
        using var link = timeout.Token.Register(cts.Cancel);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var context = CreateContext(activity, reference, scope.ServiceProvider);
            return await router.InvokeAsync(context, cts.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            if (timeout.IsCancellationRequested)
            {
                Log.TurnTimedOut(logger, activity.Type, activity.Id, _options.TurnTimeout);
            }
            else
            {
                Log.TurnCancelled(logger, activity.Type, activity.Id);
            }

            return InvokeResponse.Error(StatusCodes.Status503ServiceUnavailable, "Cancelled", "The bot did not finish in time.");
        }
        catch (Exception ex)
        {
            Log.TurnFailed(logger, activity.Type, activity.Id, ex);
            return InvokeResponse.Error(StatusCodes.Status500InternalServerError, "InternalError", "The bot failed to handle the request.");
        }
    }

    private InvokeResponse StillWorking(Activity activity) =>
        string.Equals(activity.Name, InvokeNames.AdaptiveCardAction, StringComparison.OrdinalIgnoreCase)
            ? InvokeResponse.AdaptiveCardMessage(_options.InvokeStillWorkingMessage)
            : InvokeResponse.Ok();

    private void Remember(Activity activity, InvokeResponse response)
    {
        if (activity.Conversation?.Id is { } conversationId && activity.Id is { } activityId)
        {
            invokeResponses.Set(conversationId, activityId, response);
        }
    }

    private static TurnContext CreateContext(Activity activity, ConversationReference? reference, IServiceProvider services) =>
        new(activity, reference, services.GetRequiredService<ConnectorClient>(), services);
}
