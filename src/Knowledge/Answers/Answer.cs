using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;
using ExpertBot.Knowledge.Routes;

namespace ExpertBot.Knowledge.Answers;

/// <summary>
/// A question and its context. <paramref name="KnownSignals"/> and <paramref name="AskedFollowUps"/> carry a route
/// decision across turns (answers to earlier follow-up questions).
/// </summary>
public sealed record Question(
    string Text,
    DateOnly Today,
    Lang? Locale = null,
    IReadOnlyDictionary<string, bool>? KnownSignals = null,
    IReadOnlySet<string>? AskedFollowUps = null);

/// <summary>Everything the bot says back, as facts (for cards) and as plain text (for the shell and fallbacks).</summary>
public sealed record Answer(
    Intent Intent,
    Lang Language,
    RouteAdvice? Route,
    ExpertRanking Experts,
    IReadOnlyList<Organisation> IntakeContacts,
    FollowUpQuestion? FollowUp,
    IReadOnlyList<PiiFinding> Pii,
    IReadOnlyList<Article> Articles,
    IReadOnlyList<SourceRef> Sources,
    Understanding Understanding,
    string Text)
{
    /// <summary>Signals known after this turn (question plus earlier follow-up answers), for the next turn.</summary>
    public required IReadOnlyDictionary<string, bool> Signals { get; init; }

    /// <summary>
    /// A language model's wording of this answer, checked against the answer's own facts (see
    /// <see cref="Assist.PhrasingCheck"/>); null when the embedded wording is used. Cards show it in place of the
    /// summary; routes, experts, contacts and sources stay as the knowledge core returned them.
    /// </summary>
    public string? Phrasing { get; init; }
}
