using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

internal sealed record QueuedTurn(Activity Activity, ConversationReference? Reference);

/// <summary>
/// Bounded queues between the HTTP acknowledgement and the workers. A conversation always maps to the same
/// queue, so its turns run one at a time and in order while different conversations run in parallel.
/// </summary>
internal sealed class TurnQueue
{
    private readonly Channel<QueuedTurn>[] _channels;

    public TurnQueue(IOptions<BotOptions> options)
    {
        var workers = options.Value.Workers;
        var capacity = Math.Max(1, options.Value.QueueCapacity / workers);
        _channels = [.. Enumerable.Range(0, workers).Select(_ => Channel.CreateBounded<QueuedTurn>(
            new BoundedChannelOptions(capacity) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }))];
    }

    public int Partitions => _channels.Length;

    public ChannelReader<QueuedTurn> Reader(int partition) => _channels[partition].Reader;

    public ValueTask EnqueueAsync(QueuedTurn turn, CancellationToken cancellationToken)
    {
        var conversation = turn.Activity.Conversation?.Id ?? string.Empty;
        var partition = (int)((uint)StringComparer.Ordinal.GetHashCode(conversation) % (uint)_channels.Length);
        return _channels[partition].Writer.WriteAsync(turn, cancellationToken);
    }

    internal void Complete()
    {
        foreach (var channel in _channels)
        {
            channel.Writer.TryComplete();
        }
    }
}

/// <summary>One reader per queue; also announces anonymous mode loudly at start.</summary>
internal sealed class TurnWorker(
    TurnQueue queue,
    TurnRunner runner,
    BotTokenValidator validator,
    IOptions<BotOptions> options,
    ILogger<TurnWorker> logger) : BackgroundService
{
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (validator.IsAnonymous)
        {
            Log.AnonymousMode(logger, options.Value.AllowAnonymous ? "Bot:AllowAnonymous=true" : "no Bot:AppId in Development");
        }

        return base.StartAsync(cancellationToken);
    }

    private readonly CancellationTokenSource _abandon = new();

    // Turns keep running while the host stops: the queue is closed to new activities (they get 503 and are
    // redelivered by the channel), and the acknowledged ones are finished unless shutdown runs out of time.
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, queue.Partitions).Select(p => Task.Run(() => DrainAsync(p), CancellationToken.None)));

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Complete();
        await using var abandon = cancellationToken.Register(_abandon.Cancel);
        if (ExecuteTask is { } draining)
        {
            await Task.WhenAny(draining, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        }

        await base.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    private async Task DrainAsync(int partition)
    {
        try
        {
            await foreach (var turn in queue.Reader(partition).ReadAllAsync(_abandon.Token).ConfigureAwait(false))
            {
                await runner.RunAsync(turn, _abandon.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Shutdown ran out of time: the turns still queued are not run.
        }
    }
}
