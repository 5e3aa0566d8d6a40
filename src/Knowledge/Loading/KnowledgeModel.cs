namespace ExpertBot.Knowledge.Loading;

/// <summary>Text in Dutch with an optional English rendering.</summary>
public sealed record LocalizedText(string Nl, string? En = null)
{
    public string For(Lang lang) => lang == Lang.En && !string.IsNullOrWhiteSpace(En) ? En : Nl;

    public override string ToString() => Nl;
}

public enum Lang
{
    Nl,
    En,
}

public sealed record Contact(string? Phone = null, string? Email = null, string? TeamsUserId = null)
{
    public bool IsEmpty => Phone is null && Email is null && TeamsUserId is null;
}

public sealed record SourceRef(string Document, string Section);

public sealed record Organisation(string Id, string Name, string Type, IReadOnlyList<string> Municipalities, Contact Contact);

public sealed record Topic(string Id, string Label, IReadOnlyList<string> Synonyms);

/// <summary>More phrasings of a topic (e.g. English), kept apart so a file that redefines the topic keeps them.</summary>
public sealed record TopicAlias(string Topic, IReadOnlyList<string> Phrases);

public sealed record Expert(
    string Id,
    string Name,
    string Organisation,
    string Role,
    IReadOnlyList<string> Expertise,
    IReadOnlyList<string> Municipalities,
    IReadOnlyList<string> Languages,
    IReadOnlyList<string> Available,
    Contact Contact,
    bool AcceptsRequests);

/// <summary>A municipality the bot recognises, with the ways people write it ("de stad Groningen").</summary>
public sealed record Municipality(string Name, IReadOnlyList<string> Aliases);

/// <summary>
/// Something a question can say about a case ("er loopt een OTS", "ouders werken niet mee").
/// Phrases set it true; counter-phrases ("ouders werken wel mee") or a negation before a phrase set it false.
/// </summary>
public sealed record Signal(
    string Id,
    LocalizedText Label,
    IReadOnlyList<string> Phrases,
    IReadOnlyList<string> CounterPhrases,
    IReadOnlyList<string> Topics);

public sealed record Indicator(string Signal, int Weight);

/// <summary>How a route is chosen from signals: required, excluded and weighted indicator signals.</summary>
public sealed record RouteDecision(
    IReadOnlyList<string> Requires,
    IReadOnlyList<string> Excludes,
    IReadOnlyList<Indicator> Indicators,
    bool Decisive);

public sealed record Route(
    string Id,
    LocalizedText Name,
    LocalizedText Summary,
    IReadOnlyList<LocalizedText> WhenItFits,
    LocalizedText Regie,
    IReadOnlyList<LocalizedText> Expectations,
    IReadOnlyList<LocalizedText> Pitfalls,
    LocalizedText NextStep,
    IReadOnlyList<string> OrganisationTypes,
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Articles,
    RouteDecision Decision,
    IReadOnlyList<SourceRef> Sources);

public sealed record FollowUpChoice(string Value, LocalizedText Label, IReadOnlyDictionary<string, bool> Sets);

/// <summary>A question the bot asks back when the signals do not settle a route yet.</summary>
public sealed record FollowUpQuestion(string Id, LocalizedText Question, IReadOnlyList<FollowUpChoice> Choices, int Priority);

public sealed record Article(
    string Id,
    LocalizedText Title,
    LocalizedText Body,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<SourceRef> Sources);

/// <summary>Cue phrases per intent (who, route, request, reminder, help) with a weight.</summary>
public sealed record IntentCue(string Intent, string Phrase, int Weight);
