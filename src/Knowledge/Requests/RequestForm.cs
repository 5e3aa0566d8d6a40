namespace ExpertBot.Knowledge.Requests;

/// <summary>
/// The kind of GI involvement asked for: the four WZM services (seed 001 §2.1) or "weet ik niet". Codes equal the
/// route ids of the knowledge, so a route card prefills the kind.
/// </summary>
public enum RequestKind
{
    WeetIkNiet,
    InformatieEnAdvies,
    AansluitenEnOndersteunen,
    SpecialistischCasemanagement,
    Nazorg,
}

public enum SafetyConcern
{
    None,
    Some,
    Serious,
    Acute,
}

public enum ParentsInformed
{
    Yes,
    No,
    NotYet,
}

/// <summary>Why the GI is engaged (seed 001 §8.4, recommendation 9: record it per request).</summary>
public enum EngagementReason
{
    Stagnatie,
    ObjectiefOordeel,
    PerspectiefMaatregel,
    Complexiteit,
    Anders,
}

public enum ContactPreference
{
    TeamsChat,
    TeamsCall,
    Email,
    NoPreference,
}

/// <summary>
/// A validated request. Free text has passed the privacy guard; the case reference is a pseudonym. Holds no
/// names of clients: the only identifying value is <see cref="CaseReference"/>, which the casemanager's own
/// system resolves.
/// </summary>
public sealed record RequestForm
{
    public required string Municipality { get; init; }
    public string? Team { get; init; }
    public required RequestKind Kind { get; init; }
    public required string CaseReference { get; init; }
    public required string Situation { get; init; }
    public required SafetyConcern Safety { get; init; }
    public string? Tried { get; init; }
    public required string DesiredContribution { get; init; }
    public string? DesiredTerm { get; init; }
    public DateOnly? EvaluationDate { get; init; }
    public required ParentsInformed ParentsInformed { get; init; }
    public required EngagementReason Reason { get; init; }
    public required ContactPreference Contact { get; init; }
    /// <summary>The route the form was opened from, if any (for the report); not a form field.</summary>
    public string? RouteId { get; init; }
    /// <summary>The topic the form was opened from, if any.</summary>
    public string? Topic { get; init; }
}

/// <summary>Wire codes of the choice fields (card values, stored JSON, the report). Stable: stored data uses them.</summary>
public static class RequestCodes
{
    public static string Code(this RequestKind kind) => kind switch
    {
        RequestKind.InformatieEnAdvies => "informatie-en-advies",
        RequestKind.AansluitenEnOndersteunen => "aansluiten-en-ondersteunen",
        RequestKind.SpecialistischCasemanagement => "specialistisch-casemanagement",
        RequestKind.Nazorg => "nazorg",
        _ => "weet-ik-niet",
    };

    public static string Code(this SafetyConcern safety) => safety switch
    {
        SafetyConcern.Some => "some",
        SafetyConcern.Serious => "serious",
        SafetyConcern.Acute => "acute",
        _ => "none",
    };

    public static string Code(this ParentsInformed informed) => informed switch
    {
        ParentsInformed.Yes => "yes",
        ParentsInformed.No => "no",
        _ => "not-yet",
    };

    public static string Code(this EngagementReason reason) => reason switch
    {
        EngagementReason.Stagnatie => "stagnatie",
        EngagementReason.ObjectiefOordeel => "objectief-oordeel",
        EngagementReason.PerspectiefMaatregel => "perspectief-maatregel",
        EngagementReason.Complexiteit => "complexiteit",
        _ => "anders",
    };

    public static string Code(this ContactPreference contact) => contact switch
    {
        ContactPreference.TeamsChat => "teams-chat",
        ContactPreference.TeamsCall => "teams-call",
        ContactPreference.Email => "email",
        _ => "no-preference",
    };

    public static IReadOnlyList<RequestKind> Kinds { get; } = Enum.GetValues<RequestKind>();
    public static IReadOnlyList<SafetyConcern> SafetyConcerns { get; } = Enum.GetValues<SafetyConcern>();
    public static IReadOnlyList<ParentsInformed> ParentsInformedValues { get; } = Enum.GetValues<ParentsInformed>();
    public static IReadOnlyList<EngagementReason> Reasons { get; } = Enum.GetValues<EngagementReason>();
    public static IReadOnlyList<ContactPreference> ContactPreferences { get; } = Enum.GetValues<ContactPreference>();

    public static bool TryParse<T>(string? code, IReadOnlyList<T> values, Func<T, string> coder, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in values)
        {
            if (string.Equals(coder(candidate), code?.Trim(), StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    public static RequestKind? KindFromRoute(string? routeId) =>
        TryParse(routeId, Kinds, k => k.Code(), out var kind) && kind != RequestKind.WeetIkNiet ? kind : null;

    public static string Label(this RequestKind kind, bool english = false) => kind switch
    {
        RequestKind.InformatieEnAdvies => english ? "Information and advice" : "Informatie en advies",
        RequestKind.AansluitenEnOndersteunen => english ? "Joining and supporting" : "Aansluiten en ondersteunen",
        RequestKind.SpecialistischCasemanagement => english ? "Specialist case management" : "Specialistisch casemanagement",
        RequestKind.Nazorg => english ? "Aftercare" : "Nazorg",
        _ => english ? "I don't know" : "Weet ik niet",
    };

    public static string Label(this SafetyConcern safety, bool english = false) => safety switch
    {
        SafetyConcern.Some => english ? "Some" : "Enige zorg",
        SafetyConcern.Serious => english ? "Serious" : "Ernstige zorg",
        SafetyConcern.Acute => english ? "Acute" : "Acuut",
        _ => english ? "None" : "Geen",
    };

    public static string Label(this ParentsInformed informed, bool english = false) => informed switch
    {
        ParentsInformed.Yes => english ? "Yes" : "Ja",
        ParentsInformed.No => english ? "No" : "Nee",
        _ => english ? "Not yet" : "Nog niet",
    };

    public static string Label(this EngagementReason reason, bool english = false) => reason switch
    {
        EngagementReason.Stagnatie => english ? "Stagnation" : "Stagnatie",
        EngagementReason.ObjectiefOordeel => english ? "Objective judgement" : "Objectief oordeel",
        EngagementReason.PerspectiefMaatregel => english ? "Prospect of a measure" : "Perspectief op een maatregel",
        EngagementReason.Complexiteit => english ? "Complexity" : "Complexiteit",
        _ => english ? "Other" : "Anders",
    };

    public static string Label(this ContactPreference contact, bool english = false) => contact switch
    {
        ContactPreference.TeamsChat => english ? "Teams chat" : "Chat in Teams",
        ContactPreference.TeamsCall => english ? "Teams call" : "Bellen via Teams",
        ContactPreference.Email => english ? "E-mail" : "E-mail",
        _ => english ? "No preference" : "Geen voorkeur",
    };
}
