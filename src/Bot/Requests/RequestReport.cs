using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Bot.Requests;

/// <summary>One row of a report table: a dimension's value and how many requests had it.</summary>
internal sealed record ReportCount(string Value, int Requests);

/// <summary>How many requests reached a step and the median time from submit to that step (null when none did).</summary>
internal sealed record ReportTiming(int Requests, TimeSpan? Median);

/// <summary>
/// Why and how much the GI is engaged (seed 001 §8.4, recommendations 8/9): counts per municipality, kind, route,
/// reason and outcome, and the median time to pick up and to finish. Built from <see cref="RequestFact"/> only, so
/// it cannot hold case references, free text or people.
/// </summary>
internal sealed record RequestReport
{
    public const string NoRoute = "(none)";

    public required int Total { get; init; }
    public required IReadOnlyList<ReportCount> Municipalities { get; init; }
    public required IReadOnlyList<ReportCount> Kinds { get; init; }
    public required IReadOnlyList<ReportCount> Routes { get; init; }
    public required IReadOnlyList<ReportCount> Reasons { get; init; }
    /// <summary>The status each request has now: the outcome for closed ones, the step reached for open ones.</summary>
    public required IReadOnlyList<ReportCount> Outcomes { get; init; }
    /// <summary>Submit → Oppakken, over every request that was picked up.</summary>
    public required ReportTiming ToPickUp { get; init; }
    /// <summary>Submit → Afronden, over every request that was finished (not returned or withdrawn).</summary>
    public required ReportTiming ToFinish { get; init; }

    public static RequestReport Build(IReadOnlyList<RequestFact> facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return new RequestReport
        {
            Total = facts.Count,
            Municipalities = Count(facts, f => f.Municipality, []),
            // Every kind, reason and status is listed, also at zero: "nobody asks for nazorg" is an answer too.
            Kinds = Count(facts, f => f.Kind, [.. RequestCodes.Kinds.Select(k => k.Code())]),
            Routes = Count(facts, f => f.RouteId ?? NoRoute, []),
            Reasons = Count(facts, f => f.Reason, [.. RequestCodes.Reasons.Select(r => r.Code())]),
            Outcomes = Count(facts, f => f.Status, [.. Enum.GetValues<RequestStatus>().Select(s => s.Code())]),
            ToPickUp = Timing(facts.Where(f => f.PickedUpAt is not null).Select(f => f.PickedUpAt!.Value - f.CreatedAt)),
            ToFinish = Timing(facts.Where(f => f.Status == RequestStatus.Afgerond.Code() && f.ClosedAt is not null)
                .Select(f => f.ClosedAt!.Value - f.CreatedAt)),
        };
    }

    internal static TimeSpan? Median(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : sorted[middle - 1] + ((sorted[middle] - sorted[middle - 1]) / 2);
    }

    private static ReportTiming Timing(IEnumerable<TimeSpan> durations)
    {
        var list = durations.ToList();
        return new ReportTiming(list.Count, Median(list));
    }

    private static List<ReportCount> Count(IReadOnlyList<RequestFact> facts, Func<RequestFact, string> key, IReadOnlyList<string> known)
    {
        var counts = known.ToDictionary(k => k, _ => 0, StringComparer.Ordinal);
        foreach (var fact in facts)
        {
            var value = key(fact);
            counts[value] = counts.GetValueOrDefault(value) + 1;
        }

        return [.. counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => new ReportCount(c.Key, c.Value))];
    }
}
