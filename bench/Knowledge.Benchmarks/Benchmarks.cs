using BenchmarkDotNet.Attributes;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Benchmarks;

/// <summary>Target: loading and indexing 10,000 experts and 1,000 articles takes at most 1.5 s.</summary>
[MemoryDiagnoser]
public class LoadBenchmarks
{
    [GlobalSetup]
    public void Setup() => _ = SyntheticKnowledge.Sources;

    [Benchmark(Description = "Load + index (10k experts, 1k articles)")]
    public Answerer LoadAndIndex() => new(KnowledgeLoader.Load(SyntheticKnowledge.Sources));
}

/// <summary>Target: p99 of one answer at most 2 ms in-process, on the synthetic knowledge.</summary>
[MemoryDiagnoser]
public class AnswerBenchmarks
{
    private static readonly DateOnly Monday = new(2026, 11, 23);
    private Answerer _answerer = null!;

    [ParamsSource(nameof(All))]
    public BenchQuestion Question { get; set; } = null!;

    public static IEnumerable<BenchQuestion> All => Questions.Mix;

    [GlobalSetup]
    public void Setup() => _answerer = new Answerer(KnowledgeLoader.Load(SyntheticKnowledge.Sources));

    [Benchmark]
    public Answer Answer() => _answerer.Ask(new Question(Question.Text, Monday));
}
