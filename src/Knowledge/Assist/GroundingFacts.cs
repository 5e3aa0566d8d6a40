using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using AnswerIntent = ExpertBot.Knowledge.Language.Intent;

namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// Everything a language model may say when it words an answer: the route, experts, contacts and articles the
/// knowledge core returned, in the answer's language, with their sources. Knowledge content only: never the
/// question, never personal data of the asker.
/// </summary>
public sealed record GroundingFacts(
    string Language,
    string Intent,
    string? Municipality,
    string? Day,
    RouteFacts? Route,
    IReadOnlyList<ExpertFacts> Experts,
    IReadOnlyList<ExpertFacts> NotAcceptingRequests,
    IReadOnlyList<ContactFacts> IntakeContacts,
    IReadOnlyList<ArticleFacts> Articles,
    IReadOnlyList<string> Sources)
{
    /// <summary>As many experts as the card shows.</summary>
    public const int MaxExperts = 3;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Expert ids the wording may name: recommended and not-accepting ones.</summary>
    [JsonIgnore]
    public IReadOnlySet<string> ExpertIds => Experts.Concat(NotAcceptingRequests).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);

    [JsonIgnore]
    public IReadOnlySet<string> RouteIds => Route is null ? new HashSet<string>() : new HashSet<string>([Route.Id], StringComparer.Ordinal);

    /// <summary>
    /// Whether an answer is worth wording: a route, experts (or the intake to call), or route articles. Follow-up
    /// questions, help, requests, reminders and "unknown" are fixed texts with buttons and stay as they are.
    /// </summary>
    public static bool CanPhrase(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return answer.FollowUp is null && (answer.Route is not null
            || answer.Intent == AnswerIntent.Who
            || (answer.Intent == AnswerIntent.Route && answer.Articles.Count > 0));
    }

    public static GroundingFacts From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var lang = answer.Language;
        var understanding = answer.Understanding;
        RouteFacts? route = answer.Route is { } advice
            ? new RouteFacts(
                advice.Route.Id,
                advice.Route.Name.For(lang),
                advice.Route.Summary.For(lang),
                [.. advice.Reasons.Select(r => r.Label.For(lang))],
                [.. advice.Route.WhenItFits.Select(t => t.For(lang))],
                advice.Route.Regie.For(lang),
                [.. advice.Route.Expectations.Select(t => t.For(lang))],
                [.. advice.Route.Pitfalls.Select(t => t.For(lang))],
                advice.Route.NextStep.For(lang))
            : null;
        return new GroundingFacts(
            lang == Lang.En ? "en" : "nl",
            answer.Intent.Code(),
            understanding.Municipality?.Name,
            understanding.DayAsked ? understanding.Day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null,
            route,
            [.. answer.Experts.Recommended.Take(MaxExperts).Select(e => new ExpertFacts(
                e.Expert.Id, e.Expert.Name, e.Expert.Role, e.Organisation?.Name ?? e.Expert.Organisation, e.Reasons,
                AnswerText.ContactLine(e.Expert.Contact, lang), e.AvailableOnDay))],
            [.. answer.Experts.NotAcceptingRequests.Take(2).Select(e => new ExpertFacts(
                e.Expert.Id, e.Expert.Name, e.Expert.Role, e.Organisation?.Name ?? e.Expert.Organisation, [], "", false))],
            [.. answer.IntakeContacts.Select(o => new ContactFacts(o.Name, AnswerText.ContactLine(o.Contact, lang)))],
            [.. answer.Articles.Select(a => new ArticleFacts(a.Id, a.Title.For(lang), a.Body.For(lang), [.. a.Sources.Select(Source)]))],
            [.. answer.Sources.Select(Source)]);
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    private static string Source(SourceRef source) => $"{source.Document}: {source.Section}";
}

public sealed record RouteFacts(
    string Id,
    string Name,
    string Summary,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> WhenItFits,
    string Regie,
    IReadOnlyList<string> Expectations,
    IReadOnlyList<string> Pitfalls,
    string NextStep);

public sealed record ExpertFacts(string Id, string Name, string Role, string Organisation, IReadOnlyList<string> Reasons, string Contact, bool AvailableOnDay);

public sealed record ContactFacts(string Organisation, string Contact);

public sealed record ArticleFacts(string Id, string Title, string Body, IReadOnlyList<string> Sources);
