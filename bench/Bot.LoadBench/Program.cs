using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using ExpertBot.Bench.LoadBench;
using ExpertBot.Bot.Tests.Protocol;

// Load benchmark of the bot host: the real pipeline with authentication on, a fake connector, all on 127.0.0.1.
BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(BenchOptions.Usage);
    return 2;
}

bool[] phases = options.Compare ? [true, false] : [options.Echo];
Console.WriteLine(Configuration(options));

await using var authority = await TestTokenAuthority.StartAsync();
const string KeyId = "bench-signing-key";
using var signingKey = authority.Publish(KeyId, "msteams");
await using var connector = await ReplyConnector.StartAsync();

var results = new List<PhaseResult>();
for (var i = 0; i < phases.Length; i++)
{
    var echo = phases[i];
    var name = echo ? "echo" : "full";
    Console.Error.WriteLine($"Phase {name}: signing tokens, starting the bot");

    // Per phase, and released as used, so no phase's memory figure holds tokens for later.
    var tokens = TokenPool.Create(signingKey, KeyId, connector.ServiceUrl, options.Warmup + options.Turns);
    await using var bot = await BenchBot.StartAsync(authority, echo, options.Settings);
    using var http = new HttpClient(new SocketsHttpHandler
    {
        UseProxy = false,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        MaxConnectionsPerServer = int.MaxValue,
    })
    {
        BaseAddress = bot.BaseAddress,
        Timeout = TimeSpan.FromSeconds(60),
    };

    var generator = new LoadGenerator(options, http, connector, tokens);
    var result = await generator.RunAsync(name);

    // Memory with the bot still up and holding whatever the turns left behind (state, references, pacing
    // partitions, caches). An aggressive full GC also returns free memory to the OS, so the working set isn't
    // inflated by garbage the run made (the signed tokens alone were ~1.4 KB each).
    GC.Collect(2, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    GC.WaitForPendingFinalizers();
    var heap = GC.GetTotalMemory(forceFullCollection: true);
    using var process = Process.GetCurrentProcess();
    results.Add(result with { HeapBytesAfterFullGc = heap, WorkingSetBytes = process.WorkingSet64 });
    Console.Error.WriteLine($"  {name}: {result.Completed:N0} turns, {result.TurnsPerSecond:F0} turns/s, p99 {result.Percentile(99):F1} ms");
}

Console.WriteLine();
Console.WriteLine(PhaseResult.Table(results));
if (results.Count == 2)
{
    var (echoRun, full) = (results[0], results[1]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"Cost ratio full/echo: CPU per turn {full.CpuMsPerTurn / echoRun.CpuMsPerTurn:F2}x, " +
        $"mean latency {full.MeanMs / echoRun.MeanMs:F2}x, p99 {full.Percentile(99) / echoRun.Percentile(99):F2}x, " +
        $"throughput {echoRun.TurnsPerSecond / full.TurnsPerSecond:F2}x"));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"Connector: {connector.Received:N0} activities received, {connector.Typing:N0} typing, {connector.Unmatched:N0} unmatched; " +
    $"log messages formatted: {DiscardingLoggerProvider.Messages:N0}; follow-ups as button/typed: {MessageMix.FollowUps.Buttons:N0}/{MessageMix.FollowUps.Typed:N0}"));
return results.All(r => r.Failed == 0 && r.TimedOut == 0) ? 0 : 1;

static string Configuration(BenchOptions o)
{
    var extra = o.Settings.Count == 0 ? "none" : string.Join(", ", o.Settings.Select(s => $"{s.Key}={s.Value}"));
    var load = o.Rate > 0 ? $"open loop at {o.Rate:F0} turns/s" : "closed loop";
    return string.Create(CultureInfo.InvariantCulture,
        $"""
        Bot host load: {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {GCSettings.IsServerGC}
        {o.Turns:N0} measured turns after {o.Warmup:N0} warm-up turns; {o.Concurrency} in flight ({load}) over {o.Conversations:N0} conversations in {o.Tenants} tenants
        Bot settings besides auth/storage: {extra}
        """);
}
