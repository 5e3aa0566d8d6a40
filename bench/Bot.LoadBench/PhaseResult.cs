using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace ExpertBot.Bench.LoadBench;

/// <summary>The figures of one measured phase. Latencies are Stopwatch ticks; CPU and allocations are the whole process.</summary>
internal sealed record PhaseResult
{
    public required string Name { get; init; }
    public required TimeSpan Elapsed { get; init; }
    public required int Completed { get; init; }
    public required int Failed { get; init; }
    public required int TimedOut { get; init; }
    public required long[] LatencyTicks { get; init; }
    public required TimeSpan ProcessCpu { get; init; }
    public required long AllocatedBytes { get; init; }
    public required int[] Collections { get; init; }
    public required long TypingIndicators { get; init; }
    public long? HeapBytesAfterFullGc { get; init; }
    public long? WorkingSetBytes { get; init; }

    public double TurnsPerSecond => Completed / Elapsed.TotalSeconds;
    public double CpuMsPerTurn => Completed == 0 ? double.NaN : ProcessCpu.TotalMilliseconds / Completed;
    public double MeanMs => LatencyTicks.Length == 0 ? double.NaN : LatencyTicks.Average() * 1000.0 / Stopwatch.Frequency;

    public double Percentile(double p)
    {
        if (LatencyTicks.Length == 0)
        {
            return double.NaN;
        }

        var sorted = LatencyTicks.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)] * 1000.0 / Stopwatch.Frequency;
    }

    public static string Table(IReadOnlyList<PhaseResult> results)
    {
        static string F(double value, string format = "F1") => value.ToString(format, CultureInfo.InvariantCulture);
        static string Mb(long? bytes) => bytes is { } b ? F(b / 1024.0 / 1024.0) : "–";

        var table = new StringBuilder()
            .AppendLine("| phase | turns | failed | no reply | turns/s | p50 ms | p95 ms | p99 ms | max ms | mean ms | CPU ms/turn | alloc KB/turn | GC 0/1/2 | heap MB | working set MB |")
            .AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|");
        foreach (var r in results)
        {
            table.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.Completed:N0} | {r.Failed} | {r.TimedOut} | {F(r.TurnsPerSecond, "F0")} | {F(r.Percentile(50))} | {F(r.Percentile(95))} | " +
                $"{F(r.Percentile(99))} | {F(r.Percentile(100))} | {F(r.MeanMs)} | {F(r.CpuMsPerTurn, "F2")} | " +
                $"{F(r.AllocatedBytes / 1024.0 / Math.Max(1, r.Completed))} | {string.Join('/', r.Collections)} | {Mb(r.HeapBytesAfterFullGc)} | {Mb(r.WorkingSetBytes)} |");
        }

        return table.ToString();
    }
}
