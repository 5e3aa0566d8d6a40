using System.Diagnostics;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Benchmarks;
using ExpertBot.Knowledge.Loading;

// dotnet run -c Release --project bench/Knowledge.Benchmarks -- --filter '*'   (quick: add --job short)
// First a plain latency loop (p50/p95/p99 over many answers), then BenchmarkDotNet with the given arguments.
// --latency-only skips BenchmarkDotNet; --no-latency skips the loop.
var latencyOnly = args.Contains("--latency-only");
var noLatency = args.Contains("--no-latency");
args = [.. args.Where(a => a is not "--latency-only" and not "--no-latency")];

if (!noLatency)
{
    LatencyLoop.Run(Console.Out);
}

if (!latencyOnly)
{
    var config = DefaultConfig.Instance
        .AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Min, StatisticColumn.Max)
        .WithOptions(ConfigOptions.JoinSummary);
    BenchmarkSwitcher.FromAssembly(typeof(LoadBenchmarks).Assembly).Run(args, config);
}

internal static class LatencyLoop
{
    private const int LoadRuns = 5;
    private const int Answers = 20_000;

    public static void Run(TextWriter output)
    {
        var sources = SyntheticKnowledge.Sources;
        output.WriteLine($"Synthetic knowledge: {SyntheticKnowledge.Experts:N0} experts, {SyntheticKnowledge.Articles:N0} articles, {sources.Sum(s => s.Json.Length) / 1024:N0} KB JSON");

        var loads = new List<double>();
        Answerer answerer = null!;
        for (var i = 0; i < LoadRuns; i++)
        {
            var clock = Stopwatch.StartNew();
            answerer = new Answerer(KnowledgeLoader.Load(sources));
            loads.Add(clock.Elapsed.TotalMilliseconds);
        }

        output.WriteLine($"Load + index: first {loads[0]:N0} ms (includes JIT and schema parsing), then median {Percentile(loads.Skip(1).ToList(), 50):N0} ms, max {loads.Skip(1).Max():N0} ms over {LoadRuns - 1} runs (target <= 1,500 ms)");

        var monday = new DateOnly(2026, 11, 23);
        var questions = Questions.Mix;
        foreach (var q in questions)
        {
            answerer.Ask(new Question(q.Text, monday));
        }

        var all = new List<double>(Answers);
        var perQuestion = questions.ToDictionary(q => q.Name, _ => new List<double>());
        var ticks = Stopwatch.Frequency / 1000.0;
        for (var i = 0; i < Answers; i++)
        {
            var q = questions[i % questions.Count];
            var start = Stopwatch.GetTimestamp();
            answerer.Ask(new Question(q.Text, monday));
            var ms = (Stopwatch.GetTimestamp() - start) / ticks;
            all.Add(ms);
            perQuestion[q.Name].Add(ms);
        }

        output.WriteLine($"Answers: {Answers:N0} over {questions.Count} questions: p50 {Percentile(all, 50):N3} ms, p95 {Percentile(all, 95):N3} ms, p99 {Percentile(all, 99):N3} ms, max {all.Max():N3} ms (target p99 <= 2 ms)");
        output.WriteLine($"{"question",-24} {"p50 ms",9} {"p95 ms",9} {"p99 ms",9}");
        foreach (var (name, times) in perQuestion.OrderByDescending(x => Percentile(x.Value, 99)))
        {
            output.WriteLine($"{name,-24} {Percentile(times, 50),9:N3} {Percentile(times, 95),9:N3} {Percentile(times, 99),9:N3}");
        }
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
