using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Answers;

/// <summary>
/// What the knowledge core read from a question before answering. <paramref name="RedactedText"/> has every
/// personal-data finding replaced by a placeholder ("[BSN]"): it is the only form of the question that may leave
/// the host.
/// </summary>
public sealed record Reading(string RedactedText, IReadOnlyList<PiiFinding> Pii, Lang Language, Understanding Understanding);
