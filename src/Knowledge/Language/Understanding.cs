using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Language;

/// <summary>What the embedded reader took from a question. Holds ids and facts, not the question's text.</summary>
public sealed record Understanding(
    Intent Intent,
    Lang Language,
    IReadOnlyDictionary<string, bool> Signals,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Roles,
    Municipality? Municipality,
    DateOnly Day,
    bool DayAsked,
    IReadOnlyList<string> Articles)
{
    /// <summary>
    /// True when the topics were inferred from signals (the question named no subject): they are then
    /// alternatives, and an expert matching several of them is not better than one matching one.
    /// </summary>
    public bool TopicsFromSignals { get; init; }
}
