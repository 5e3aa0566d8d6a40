using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Routes;

/// <summary>The route chosen and the signals that carried it.</summary>
public sealed record RouteAdvice(Route Route, IReadOnlyList<Signal> Reasons);

/// <summary>Either a route, or the most informative question to ask next, or neither (nothing to go on).</summary>
public sealed record RouteOutcome(RouteAdvice? Advice, FollowUpQuestion? FollowUp);

/// <summary>
/// Chooses a route from signals: a decisive route (acute danger) wins whenever it applies; otherwise the best
/// eligible route must score enough and lead clearly. When it does not, the follow-up question whose answers
/// would lead to the most different routes is asked instead of guessing.
/// </summary>
public sealed class RouteAdvisor(KnowledgeBase knowledge)
{
    private const int MinScore = 3;
    private const int MinLead = 2;

    public RouteOutcome Decide(IReadOnlyDictionary<string, bool> signals, IReadOnlySet<string> askedFollowUps)
    {
        ArgumentNullException.ThrowIfNull(signals);
        ArgumentNullException.ThrowIfNull(askedFollowUps);
        var settled = Settle(signals);
        if (settled is not null)
        {
            return new RouteOutcome(Advise(settled, signals), null);
        }

        var followUp = MostInformative(signals, askedFollowUps);
        if (followUp is null && Best(signals) is { } best)
        {
            // Nothing left to ask: the best-supported route beats no answer at all.
            return new RouteOutcome(Advise(best, signals), null);
        }

        return new RouteOutcome(null, followUp);
    }

    /// <summary>Score of a route for these signals, or null when a required signal is missing or an excluded one is present.</summary>
    public static int? Score(Route route, IReadOnlyDictionary<string, bool> signals)
    {
        if (route.Decision.Requires.Any(s => !signals.GetValueOrDefault(s)) || route.Decision.Excludes.Any(s => signals.GetValueOrDefault(s)))
        {
            return null;
        }

        return route.Decision.Indicators.Where(i => signals.GetValueOrDefault(i.Signal)).Sum(i => i.Weight);
    }

    private Route? Settle(IReadOnlyDictionary<string, bool> signals)
    {
        var scored = knowledge.Routes
            .Select(r => (Route: r, Score: Score(r, signals)))
            .Where(x => x.Score is not null)
            .Select(x => (x.Route, Score: x.Score!.Value))
            .ToList();

        var decisive = scored.Where(x => x.Route.Decision.Decisive).OrderByDescending(x => x.Score).ThenBy(x => x.Route.Id, StringComparer.Ordinal).ToList();
        if (decisive.Count > 0)
        {
            return decisive[0].Route;
        }

        var ranked = scored.OrderByDescending(x => x.Score).ThenBy(x => x.Route.Id, StringComparer.Ordinal).ToList();
        if (ranked.Count == 0 || ranked[0].Score < MinScore)
        {
            return null;
        }

        return ranked.Count == 1 || ranked[0].Score - ranked[1].Score >= MinLead ? ranked[0].Route : null;
    }

    private Route? Best(IReadOnlyDictionary<string, bool> signals) =>
        knowledge.Routes
            .Select(r => (Route: r, Score: Score(r, signals)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Route.Id, StringComparer.Ordinal)
            .Select(x => x.Route)
            .FirstOrDefault();

    private RouteAdvice Advise(Route route, IReadOnlyDictionary<string, bool> signals)
    {
        var reasons = route.Decision.Requires
            .Concat(route.Decision.Indicators.Where(i => i.Weight > 0).Select(i => i.Signal))
            .Where(signals.GetValueOrDefault)
            .Distinct(StringComparer.Ordinal)
            .Select(id => knowledge.Signals.First(s => s.Id == id))
            .ToList();
        return new RouteAdvice(route, reasons);
    }

    private FollowUpQuestion? MostInformative(IReadOnlyDictionary<string, bool> signals, IReadOnlySet<string> askedFollowUps)
    {
        var open = knowledge.FollowUps
            .Where(f => !askedFollowUps.Contains(f.Id))
            .Where(f => f.Choices.Any(c => c.Sets.Keys.Any(k => !signals.ContainsKey(k))))
            .ToList();

        return open
            .Select(f => WithoutContradictions(f, signals))
            .Where(f => f.Choices.Count >= 2)
            .Select(f => (FollowUp: f, Outcomes: DistinctOutcomes(f, signals)))
            .OrderByDescending(x => x.Outcomes)
            .ThenByDescending(x => x.FollowUp.Priority)
            .ThenBy(x => x.FollowUp.Id, StringComparer.Ordinal)
            .Select(x => x.FollowUp)
            .FirstOrDefault();
    }

    /// <summary>Leaves out choices that contradict what is already known ("acuut" after "geen direct gevaar").</summary>
    private static FollowUpQuestion WithoutContradictions(FollowUpQuestion followUp, IReadOnlyDictionary<string, bool> signals)
    {
        var consistent = followUp.Choices
            .Where(c => c.Sets.All(set => !signals.TryGetValue(set.Key, out var known) || known == set.Value))
            .ToList();
        return consistent.Count == followUp.Choices.Count ? followUp : followUp with { Choices = consistent };
    }

    private int DistinctOutcomes(FollowUpQuestion followUp, IReadOnlyDictionary<string, bool> signals) =>
        followUp.Choices
            .Select(c => Settle(With(signals, c.Sets))?.Id)
            .Where(id => id is not null)
            .Distinct(StringComparer.Ordinal)
            .Count();

    public static IReadOnlyDictionary<string, bool> With(IReadOnlyDictionary<string, bool> signals, IReadOnlyDictionary<string, bool> more)
    {
        var merged = new Dictionary<string, bool>(signals, StringComparer.Ordinal);
        foreach (var (key, value) in more)
        {
            merged[key] = value;
        }

        return merged;
    }
}
