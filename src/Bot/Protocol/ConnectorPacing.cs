using System.Net;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Protocol;

/// <summary>Which limits a Connector request counts against: its thread (a chat or a channel) and its tenant.</summary>
internal readonly record struct PacingKey(string? ConversationId, string Tenant)
{
    public static readonly HttpRequestOptionsKey<PacingKey> OptionKey = new("ExpertBot.Pacing");
}

/// <summary>
/// Keeps outbound traffic under Teams' limits by waiting, never dropping. Per thread: 7 per second, 8 per 2 s,
/// 60 per 30 s and 1,800 per hour; per tenant: the app's 50 requests per second across all threads.
/// Each request reserves its send time in every limit at once and then waits until then. Teams counts requests
/// when they arrive, so the limits must hold for send times: chained rate limiters hand out their permits
/// stage by stage, and requests that waited on a later stage then leave together (14/s to one thread was seen).
/// A thread's requests keep their order; a busy thread does not hold up the tenant's other threads.
/// </summary>
internal sealed class ConnectorPacing
{
    private static readonly (int Permits, TimeSpan Window)[] ThreadLimitsAfterFirst =
        [(8, TimeSpan.FromSeconds(2)), (60, TimeSpan.FromSeconds(30)), (1_800, TimeSpan.FromHours(1))];

    /// <summary>
    /// Teams counts arrivals; sends leave a few milliseconds late or early (timers, thread pool, a new connection),
    /// so sends booked exactly one window apart could arrive closer. Every window is this much longer.
    /// </summary>
    private static readonly TimeSpan ArrivalMargin = TimeSpan.FromMilliseconds(100);

    private readonly TimeProvider _time;
    private readonly (int Permits, long Window)[] _threadLimits;
    private readonly int _tenantPermits;
    private readonly long _tenantWindow;
    private readonly long _forget;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, SendLog> _threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<long>> _tenants = new(StringComparer.Ordinal);
    private long _nextSweep;

    public ConnectorPacing(IOptions<BotOptions> options, TimeProvider time)
    {
        _time = time;
        var perSecond = options.Value.MessagesPerSecondPerConversation;
        _threadLimits =
        [
            (perSecond, Ticks(TimeSpan.FromSeconds(1) + ArrivalMargin)),
            // Teams' longer windows scale with the configured rate, so raising it (benchmarks) lifts them too.
            .. ThreadLimitsAfterFirst.Select(l => (Math.Max(l.Permits, l.Permits * perSecond / 7), Ticks(l.Window + ArrivalMargin))),
        ];
        _tenantPermits = options.Value.RequestsPerSecondPerTenant;
        _tenantWindow = Ticks(TimeSpan.FromSeconds(1) + ArrivalMargin);
        _forget = _threadLimits.Max(l => l.Window);
    }

    /// <summary>Reserves a send time under all limits for <paramref name="key"/>, then waits until it comes.</summary>
    public async ValueTask WaitTurnAsync(PacingKey key, CancellationToken cancellationToken)
    {
        var delay = Reserve(key);
        if (delay > TimeSpan.Zero)
        {
            await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>How long the caller must wait; the send time is booked before this returns.</summary>
    internal TimeSpan Reserve(PacingKey key)
    {
        var now = _time.GetTimestamp();
        lock (_lock)
        {
            Sweep(now);
            SendLog? sent = null;
            var earliest = now;
            if (key.ConversationId is { } thread)
            {
                sent = ThreadLog(thread, now);
                earliest = EarliestForThread(sent, now);
            }

            var at = BookTenant(key.Tenant, earliest);
            sent?.Add(at);
            return _time.GetElapsedTime(now, at);
        }
    }

    private SendLog ThreadLog(string thread, long now)
    {
        if (!_threads.TryGetValue(thread, out var sent))
        {
            sent = new SendLog();
            _threads.Add(thread, sent);
        }

        sent.ForgetUpTo(now - _forget);
        return sent;
    }

    /// <summary>Not before the thread's last booked send (order), and with room in each of its windows.</summary>
    private long EarliestForThread(SendLog sent, long now)
    {
        var earliest = sent.Count == 0 ? now : Math.Max(now, sent.FromEnd(1));
        foreach (var (permits, window) in _threadLimits)
        {
            if (sent.Count >= permits)
            {
                // The send that would be one too many within the window must wait until the oldest of them leaves it.
                earliest = Math.Max(earliest, sent.FromEnd(permits) + window);
            }
        }

        return earliest;
    }

    /// <summary>The earliest time from <paramref name="earliest"/> at which the tenant's limit has room, booked.</summary>
    private long BookTenant(string tenant, long earliest)
    {
        if (!_tenants.TryGetValue(tenant, out var booked))
        {
            booked = [];
            _tenants.Add(tenant, booked);
        }

        // Every window that could hold the new send lies within (at - W, at + W). While that span is full, move
        // past the send that makes it so; bookings further ahead (threads waiting on their own limits) don't matter.
        var at = earliest;
        while (true)
        {
            var from = LowerBound(booked, at - _tenantWindow + 1);
            var to = LowerBound(booked, at + _tenantWindow);
            if (to - from < _tenantPermits)
            {
                break;
            }

            at = booked[to - _tenantPermits] + _tenantWindow;
        }

        booked.Insert(LowerBound(booked, at + 1), at);
        return at;
    }

    /// <summary>Index of the first booking at or after <paramref name="time"/>.</summary>
    private static int LowerBound(List<long> booked, long time)
    {
        var index = booked.BinarySearch(time);
        if (index < 0)
        {
            return ~index;
        }

        while (index > 0 && booked[index - 1] == time)
        {
            index--;
        }

        return index;
    }

    /// <summary>Drops bookings that no window can see any more, at most once a second.</summary>
    private void Sweep(long now)
    {
        if (now < _nextSweep)
        {
            return;
        }

        _nextSweep = now + Ticks(TimeSpan.FromSeconds(1));
        foreach (var (tenant, booked) in _tenants)
        {
            booked.RemoveRange(0, LowerBound(booked, now - _tenantWindow + 1));
            if (booked.Count == 0)
            {
                _tenants.Remove(tenant);
            }
        }

        foreach (var (thread, sent) in _threads)
        {
            if (sent.Count == 0 || sent.FromEnd(1) <= now - _forget)
            {
                _threads.Remove(thread);
            }
        }
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * _time.TimestampFrequency);

    /// <summary>A thread's booked send times, oldest first, in order (bookings per thread only move forward).</summary>
    private sealed class SendLog
    {
        private readonly List<long> _times = [];
        private int _start;

        public int Count => _times.Count - _start;

        public void Add(long time) => _times.Add(time);

        /// <summary>The n-th latest booking (1 = the last one).</summary>
        public long FromEnd(int n) => _times[^n];

        public void ForgetUpTo(long time)
        {
            while (_start < _times.Count && _times[_start] <= time)
            {
                _start++;
            }

            if (_start > 64 && _start > _times.Count / 2)
            {
                _times.RemoveRange(0, _start);
                _start = 0;
            }
        }
    }
}

internal sealed class PacingHandler(ConnectorPacing pacing) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Options.TryGetValue(PacingKey.OptionKey, out var key))
        {
            await pacing.WaitTurnAsync(key, cancellationToken).ConfigureAwait(false);
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
