using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

internal sealed record QueuedTurn(Activity Activity, ConversationReference? Reference);

/// <summary>
/// The turns between the HTTP acknowledgement and the workers. Each conversation has its own lane, so its turns
/// run one at a time and in order, while up to <see cref="BotOptions.Workers"/> conversations run in parallel.
/// A slow turn (a connector backing off on 429, say) holds up only its own conversation.
/// At most <see cref="BotOptions.QueueCapacity"/> turns wait or run; beyond that, enqueuing waits.
/// </summary>
internal sealed class TurnQueue
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Queue<QueuedTurn>> _lanes = new(StringComparer.Ordinal);
    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _capacity;
    private int _accepted;
    private volatile bool _closed;

    public TurnQueue(IOptions<BotOptions> options)
    {
        Workers = options.Value.Workers;
        _capacity = new SemaphoreSlim(options.Value.QueueCapacity);
    }

    public int Workers { get; }

    /// <summary>Conversations with a turn ready; completes once the queue is closed and every accepted turn has run.</summary>
    public ChannelReader<string> Ready => _ready.Reader;

    /// <exception cref="ChannelClosedException">The host is stopping.</exception>
    public async ValueTask EnqueueAsync(QueuedTurn turn, CancellationToken cancellationToken)
    {
        // Refuse at once when stopping, rather than after waiting for room.
        if (_closed)
        {
            throw new ChannelClosedException();
        }

        await _capacity.WaitAsync(cancellationToken).ConfigureAwait(false);
        var conversation = turn.Activity.Conversation?.Id ?? string.Empty;
        lock (_lock)
        {
            if (_closed)
            {
                _capacity.Release();
                throw new ChannelClosedException();
            }

            _accepted++;
            if (_lanes.TryGetValue(conversation, out var lane))
            {
                lane.Enqueue(turn);
                return;
            }

            lane = new Queue<QueuedTurn>();
            lane.Enqueue(turn);
            _lanes.Add(conversation, lane);
        }

        _ready.Writer.TryWrite(conversation);
    }

    /// <summary>The conversation's next turn; it stays at the head of its lane until <see cref="Finish"/>.</summary>
    public QueuedTurn Peek(string conversation)
    {
        lock (_lock)
        {
            return _lanes[conversation].Peek();
        }
    }

    /// <summary>Ends the conversation's current turn and hands the lane back if another turn waits in it.</summary>
    public void Finish(string conversation)
    {
        bool more;
        bool drained;
        lock (_lock)
        {
            var lane = _lanes[conversation];
            lane.Dequeue();
            more = lane.Count > 0;
            if (!more)
            {
                _lanes.Remove(conversation);
            }

            drained = --_accepted == 0 && _closed;
        }

        _capacity.Release();
        if (more)
        {
            // To the back of the line: a busy conversation does not starve the others.
            _ready.Writer.TryWrite(conversation);
        }
        else if (drained)
        {
            _ready.Writer.TryComplete();
        }
    }

    /// <summary>Refuses new turns; the accepted ones still run.</summary>
    internal void Complete()
    {
        lock (_lock)
        {
            _closed = true;
            if (_accepted > 0)
            {
                return;
            }
        }

        _ready.Writer.TryComplete();
    }
}

/// <summary>Runs the queued turns with <see cref="BotOptions.Workers"/> readers; also announces anonymous mode loudly at start.</summary>
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
        Task.WhenAll(Enumerable.Range(0, queue.Workers).Select(_ => Task.Run(DrainAsync, CancellationToken.None)));

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

    private async Task DrainAsync()
    {
        try
        {
            await foreach (var conversation in queue.Ready.ReadAllAsync(_abandon.Token).ConfigureAwait(false))
            {
                try
                {
                    await runner.RunAsync(queue.Peek(conversation), _abandon.Token).ConfigureAwait(false);
                }
                finally
                {
                    queue.Finish(conversation);
                }
            }
        }
        catch (OperationCanceledException) when (_abandon.IsCancellationRequested)
        {
            // Shutdown ran out of time: the turns still queued are not run.
        }
    }
}
