using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Experts;

/// <summary>What a "wie kan ik raadplegen?" question asks for.</summary>
public sealed record ExpertQuery(
    IReadOnlyList<string> Topics,
    IReadOnlyList<string> Roles,
    Municipality? Municipality,
    DateOnly Day,
    bool DayAsked,
    DateOnly Today,
    Lang Language,
    bool TopicsAreAlternatives = false,
    IReadOnlyList<string>? OrganisationTypes = null);

public sealed record RankedExpert(
    Expert Expert,
    Organisation? Organisation,
    int Score,
    bool AvailableOnDay,
    IReadOnlyList<string> Reasons);

/// <summary>Recommended experts (never one who does not accept requests first) and those who match but don't take requests.</summary>
public sealed record ExpertRanking(IReadOnlyList<RankedExpert> Recommended, IReadOnlyList<RankedExpert> NotAcceptingRequests);

/// <summary>
/// Ranks experts: topic match first, then the asked role, then municipality (a specific match beats "*"),
/// availability on the asked day and language; ties are broken by name and id so answers are stable.
/// </summary>
internal sealed class ExpertRanker(KnowledgeBase knowledge, KnowledgeIndex index)
{
    private const int MaxRecommended = 5;
    private const int TopicWeight = 100;
    private const int RoleWeight = 60;
    private const int SpecificMunicipalityWeight = 30;
    private const int AnyMunicipalityWeight = 10;
    private const int AvailableWeight = 15;
    private const int LanguageWeight = 5;

    public ExpertRanking Rank(ExpertQuery query)
    {
        // Score every candidate cheaply and keep the best few in one pass; only those get their reasons written.
        var accepting = new List<(Expert Expert, int Score)>(MaxRecommended + 1);
        var notAccepting = new List<(Expert Expert, int Score)>(MaxRecommended + 1);
        var day = DayReader.Code(query.Day);
        foreach (var expert in Candidates(query))
        {
            Keep(expert.AcceptsRequests ? accepting : notAccepting, (expert, QuickScore(index.ExpertFacts[expert], query, day)));
        }

        return new ExpertRanking(
            [.. accepting.Select(x => Describe(x.Expert, query))],
            [.. notAccepting.Select(x => Describe(x.Expert, query))]);
    }

    /// <summary>Inserts into a best-first list of at most <see cref="MaxRecommended"/> (score, then name, then id).</summary>
    private static void Keep(List<(Expert Expert, int Score)> best, (Expert Expert, int Score) candidate)
    {
        var at = best.Count;
        while (at > 0 && Before(candidate, best[at - 1]))
        {
            at--;
        }

        if (at < MaxRecommended)
        {
            best.Insert(at, candidate);
            if (best.Count > MaxRecommended)
            {
                best.RemoveAt(best.Count - 1);
            }
        }
    }

    private static bool Before((Expert Expert, int Score) a, (Expert Expert, int Score) b)
    {
        if (a.Score != b.Score)
        {
            return a.Score > b.Score;
        }

        var byName = string.CompareOrdinal(a.Expert.Name, b.Expert.Name);
        return byName != 0 ? byName < 0 : string.CompareOrdinal(a.Expert.Id, b.Expert.Id) < 0;
    }

    private RankedExpert Describe(Expert expert, ExpertQuery query)
    {
        var reasons = new List<string>();
        var score = Score(expert, query, reasons);
        knowledge.OrganisationsById.TryGetValue(expert.Organisation, out var organisation);
        return new RankedExpert(expert, organisation, score, expert.Available.Contains(DayReader.Code(query.Day), StringComparer.Ordinal), reasons);
    }

    private IEnumerable<Expert> Candidates(ExpertQuery query)
    {
        if (query.Topics.Count > 0 || query.Roles.Count > 0)
        {
            var lists = query.Topics.Select(t => index.ExpertsByTopic.GetValueOrDefault(t))
                .Concat(query.Roles.Select(r => index.ExpertsByRole.GetValueOrDefault(r)))
                .OfType<IReadOnlyList<Expert>>()
                .ToList();

            // One list (the usual single-topic question) needs no de-duplication.
            return lists.Count == 1
                ? lists[0]
                : lists.SelectMany(l => l).Distinct(ReferenceEqualityComparer.Instance).Cast<Expert>();
        }

        if (query.OrganisationTypes is { Count: > 0 } types)
        {
            return knowledge.Experts.Where(e =>
                knowledge.OrganisationsById.TryGetValue(e.Organisation, out var org) && types.Contains(org.Type, StringComparer.Ordinal));
        }

        return query.Municipality is { } municipality
            ? index.ExpertsByMunicipality.GetValueOrDefault(municipality.Name) ?? []
            : [];
    }

    /// <summary>The same score as <see cref="Score"/>, from precomputed sets and without reasons.</summary>
    private static int QuickScore(ExpertFacts facts, ExpertQuery query, string day)
    {
        var score = 0;
        foreach (var topic in query.Topics)
        {
            if (facts.Expertise.Contains(topic))
            {
                score += TopicWeight;
                if (query.TopicsAreAlternatives)
                {
                    break;
                }
            }
        }

        if (query.Roles.Count > 0 && query.Roles.Contains(facts.Role, StringComparer.Ordinal))
        {
            score += RoleWeight;
        }

        score += query.Municipality is { } asked
            ? facts.Municipalities.Contains(asked.Name) ? SpecificMunicipalityWeight : facts.Everywhere ? AnyMunicipalityWeight : 0
            : facts.Everywhere ? AnyMunicipalityWeight : 0;
        score += facts.Days.Contains(day) ? AvailableWeight : 0;
        score += query.Language == Lang.En && facts.SpeaksEnglish ? LanguageWeight : 0;
        return score;
    }

    /// <summary>The expert's score for the query; with a list, also the reasons in the asker's language.</summary>
    private int Score(Expert expert, ExpertQuery query, List<string>? reasons)
    {
        var lang = query.Language;
        var score = 0;
        var matchedTopics = 0;
        foreach (var topic in query.Topics)
        {
            if (!expert.Expertise.Contains(topic, StringComparer.Ordinal) || (query.TopicsAreAlternatives && matchedTopics > 0))
            {
                continue;
            }

            matchedTopics++;
            score += TopicWeight;
            reasons?.Add(Lower(knowledge.TopicsById.TryGetValue(topic, out var t) ? t.Label : topic));
        }

        if (query.Roles.Count > 0 && query.Roles.Contains(expert.Role.ToLowerInvariant(), StringComparer.Ordinal))
        {
            score += RoleWeight;
            reasons?.Add(expert.Role);
        }

        score += MunicipalityScore(expert, query.Municipality, lang, reasons);

        var available = expert.Available.Contains(DayReader.Code(query.Day), StringComparer.Ordinal);
        if (available)
        {
            score += AvailableWeight;
            reasons?.Add(DayText(query, lang, available: true));
        }
        else if (reasons is not null)
        {
            var days = string.Join(", ", expert.Available.Select(d => DayReader.CodeName(d, lang)));
            reasons.Add(DayText(query, lang, available: false) + (days.Length > 0 ? (lang == Lang.En ? $" (available {days})" : $" (wel {days})") : ""));
        }

        if (lang == Lang.En && expert.Languages.Contains("en", StringComparer.Ordinal))
        {
            score += LanguageWeight;
            reasons?.Add("speaks English");
        }

        if (!expert.AcceptsRequests)
        {
            reasons?.Add(lang == Lang.En ? "not taking requests now" : "neemt nu geen aanvragen aan");
        }

        return score;
    }

    private static int MunicipalityScore(Expert expert, Municipality? asked, Lang lang, List<string>? reasons)
    {
        var everywhere = expert.Municipalities.Contains("*", StringComparer.Ordinal);
        if (asked is null)
        {
            reasons?.Add(everywhere
                ? (lang == Lang.En ? "works in the whole region" : "werkt in de hele regio")
                : (lang == Lang.En ? "works in " : "werkt in ") + string.Join(", ", expert.Municipalities));
            return everywhere ? AnyMunicipalityWeight : 0;
        }

        if (expert.Municipalities.Contains(asked.Name, StringComparer.OrdinalIgnoreCase))
        {
            reasons?.Add((lang == Lang.En ? "works in " : "werkt in ") + asked.Name);
            return SpecificMunicipalityWeight;
        }

        if (everywhere)
        {
            reasons?.Add(lang == Lang.En ? $"works in the whole region, incl. {asked.Name}" : $"werkt in de hele regio, ook {asked.Name}");
            return AnyMunicipalityWeight;
        }

        reasons?.Add((lang == Lang.En ? "works in " : "werkt in ") + string.Join(", ", expert.Municipalities)
            + (lang == Lang.En ? $", not in {asked.Name}" : $", niet in {asked.Name}"));
        return 0;
    }

    private static string DayText(ExpertQuery query, Lang lang, bool available)
    {
        var day = query.Day == query.Today
            ? (lang == Lang.En ? "today" : "vandaag")
            : query.Day == query.Today.AddDays(1)
                ? (lang == Lang.En ? "tomorrow" : "morgen")
                : (lang == Lang.En ? "on " : "op ") + DayReader.Name(query.Day, lang);
        return (lang, available) switch
        {
            (Lang.En, true) => $"available {day}",
            (Lang.En, false) => $"not available {day}",
            (_, true) => $"{day} beschikbaar",
            _ => $"{day} niet beschikbaar",
        };
    }

    private static string Lower(string label) =>
        label.Length > 1 && char.IsUpper(label[0]) && char.IsLower(label[1]) ? char.ToLowerInvariant(label[0]) + label[1..] : label;
}
