using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using ExpertBot.Bot.Protocol;

namespace ExpertBot.Bench.LoadBench;

/// <summary>
/// C workers; each takes the conversation that waited longest, posts its next message (fresh token) and waits
/// until the fake connector has the reply to it — that interval is the turn's latency. Closed loop by default;
/// with a rate, turns start on a fixed schedule and latency counts from the scheduled start (no coordinated omission).
/// </summary>
internal sealed class LoadGenerator(BenchOptions options, HttpClient bot, ReplyConnector connector, TokenPool tokens)
{
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly ConcurrentQueue<SimulatedConversation> _idle = new(
        Enumerable.Range(0, options.Conversations).Select(i => new SimulatedConversation(i, $"tenant-{i % options.Tenants}")));
    private int _tokenIndex = -1;

    public async Task<PhaseResult> RunAsync(string name)
    {
        Console.Error.WriteLine($"  {name}: warm-up {options.Warmup:N0} turns");
        await RunTurnsAsync(options.Warmup, "w", latencies: null);

        Console.Error.WriteLine($"  {name}: measuring {options.Turns:N0} turns");
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        int[] collectionsBefore = [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];
        var typingBefore = connector.Typing;
        var latencies = new long[options.Turns];
        var started = Stopwatch.GetTimestamp();
        var outcome = await RunTurnsAsync(options.Turns, "m", latencies);
        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();

        return new PhaseResult
        {
            Name = name,
            Elapsed = elapsed,
            Completed = outcome.Completed,
            Failed = outcome.Failed,
            TimedOut = outcome.TimedOut,
            LatencyTicks = latencies[..outcome.Completed],
            ProcessCpu = process.TotalProcessorTime - cpuBefore,
            AllocatedBytes = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore,
            Collections = [GC.CollectionCount(0) - collectionsBefore[0], GC.CollectionCount(1) - collectionsBefore[1], GC.CollectionCount(2) - collectionsBefore[2]],
            TypingIndicators = connector.Typing - typingBefore,
        };
    }

    private async Task<(int Completed, int Failed, int TimedOut)> RunTurnsAsync(int count, string tag, long[]? latencies)
    {
        var issued = -1;
        var completed = -1;
        var failed = 0;
        var timedOut = 0;
        var start = Stopwatch.GetTimestamp();
        var deadline = start + (long)(options.MaxPhaseDuration.TotalSeconds * Stopwatch.Frequency);
        var ticksPerTurn = options.Rate > 0 ? Stopwatch.Frequency / options.Rate : 0;

        async Task WorkerAsync()
        {
            while (true)
            {
                var n = Interlocked.Increment(ref issued);
                if (n >= count || Stopwatch.GetTimestamp() > deadline)
                {
                    return;
                }

                var scheduled = 0L;
                if (ticksPerTurn > 0)
                {
                    scheduled = start + (long)(n * ticksPerTurn);
                    var wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), scheduled);
                    if (wait > TimeSpan.FromMilliseconds(1))
                    {
                        await Task.Delay(wait);
                    }
                }

                if (!_idle.TryDequeue(out var conversation))
                {
                    throw new InvalidOperationException("No idle conversation: --conversations must be at least --concurrency.");
                }

                try
                {
                    var (outcome, latency) = await TurnAsync(conversation, $"{tag}{n}", scheduled);
                    switch (outcome)
                    {
                        case TurnOutcome.Replied when latencies is not null:
                            latencies[Interlocked.Increment(ref completed)] = latency;
                            break;
                        case TurnOutcome.Replied:
                            Interlocked.Increment(ref completed);
                            break;
                        case TurnOutcome.Rejected:
                            Interlocked.Increment(ref failed);
                            break;
                        case TurnOutcome.NoReply:
                            Interlocked.Increment(ref timedOut);
                            break;
                    }
                }
                finally
                {
                    _idle.Enqueue(conversation);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, options.Concurrency).Select(_ => Task.Run(WorkerAsync)));
        if (Stopwatch.GetTimestamp() > deadline)
        {
            Console.Error.WriteLine($"  stopped at the {options.MaxPhaseDuration.TotalSeconds:F0} s ceiling");
        }

        return (completed + 1, failed, timedOut);
    }

    private async Task<(TurnOutcome Outcome, long Latency)> TurnAsync(SimulatedConversation conversation, string activityId, long scheduled)
    {
        var activity = MessageMix.Next(conversation, connector.ServiceUrl, activityId);
        var body = JsonSerializer.SerializeToUtf8Bytes(activity, ProtocolJson.Options);
        var token = tokens.Take(Interlocked.Increment(ref _tokenIndex));
        var reply = connector.Expect(conversation.Id, activityId);

        using var request = new HttpRequestMessage(HttpMethod.Post, "api/messages") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var started = Stopwatch.GetTimestamp();
        using (var response = await bot.SendAsync(request))
        {
            if (!response.IsSuccessStatusCode)
            {
                connector.Forget(conversation.Id, activityId);
                Console.Error.WriteLine($"  turn {activityId}: HTTP {(int)response.StatusCode}");
                return (TurnOutcome.Rejected, 0);
            }
        }

        ReplyArrival arrival;
        try
        {
            arrival = await reply.WaitAsync(options.ReplyTimeout);
        }
        catch (TimeoutException)
        {
            connector.Forget(conversation.Id, activityId);
            return (TurnOutcome.NoReply, 0);
        }

        if (arrival.CardWithFollowUp is { } card)
        {
            conversation.OfferedFollowUp = MessageMix.FindFollowUp(card, conversation.Index);
        }

        return (TurnOutcome.Replied, arrival.Timestamp - (scheduled > 0 ? scheduled : started));
    }

    private enum TurnOutcome
    {
        Replied,
        Rejected,
        NoReply,
    }
}
