using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Assist;

/// <summary>The embedded understanding with what a model added, and what it added (ids and field names only).</summary>
public sealed record MergedUnderstanding(Understanding Understanding, IReadOnlyList<string> Added);

/// <summary>
/// Combines the embedded reading with a model's. The embedded reader stays the authority: the model may only fill
/// in what it missed, with values the loaded knowledge has. Acute danger is the exception: when either reading
/// sees it, it is there (the safer reading wins), and the model can never clear it.
/// </summary>
public static class UnderstandingMerge
{
    public const string AcuteSignal = "acuut-gevaar";

    /// <summary>How far ahead a model-read day may lie; further is more likely a misreading than a question.</summary>
    public const int MaxDaysAhead = 31;

    public static MergedUnderstanding Merge(Understanding embedded, ModelReading model, KnowledgeBase knowledge, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(embedded);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(knowledge);
        var added = new List<string>();
        var known = knowledge.Signals.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);

        var signals = new Dictionary<string, bool>(embedded.Signals, StringComparer.Ordinal);
        var acute = embedded.Signals.GetValueOrDefault(AcuteSignal) || model.AcuteDanger || model.SignalsPresent.Contains(AcuteSignal, StringComparer.Ordinal);
        if (acute && !embedded.Signals.GetValueOrDefault(AcuteSignal) && known.Contains(AcuteSignal))
        {
            signals[AcuteSignal] = true;
            added.Add("signal:" + AcuteSignal);
        }

        AddSignals(model.SignalsPresent, true);
        // "Not acute" only counts when the embedded reader read it (negation scope): a model cannot lower the alarm.
        AddSignals(model.SignalsAbsent.Where(s => s != AcuteSignal), false);

        var topics = embedded.Topics.ToList();
        foreach (var topic in model.Topics.Where(knowledge.TopicsById.ContainsKey).Distinct(StringComparer.Ordinal))
        {
            if (!topics.Contains(topic, StringComparer.Ordinal))
            {
                topics.Add(topic);
                added.Add("topic:" + topic);
            }
        }

        var municipality = embedded.Municipality;
        if (municipality is null && model.Municipality is { } name && Find(knowledge, name) is { } found)
        {
            municipality = found;
            added.Add("municipality");
        }

        var (day, dayAsked) = (embedded.Day, embedded.DayAsked);
        if (!dayAsked && model.Day is { } modelDay && modelDay >= today && modelDay.DayNumber - today.DayNumber <= MaxDaysAhead)
        {
            (day, dayAsked) = (modelDay, true);
            added.Add("day");
        }

        var intent = embedded.Intent;
        if (intent == Intent.Unknown && IntentNames.Parse(model.Intent) is Intent.Who or Intent.Route)
        {
            intent = IntentNames.Parse(model.Intent);
            added.Add("intent");
        }

        if (signals.GetValueOrDefault(AcuteSignal) && intent is Intent.Unknown or Intent.Help)
        {
            // As the embedded reader does: acute danger is always a route question.
            intent = Intent.Route;
        }

        var merged = embedded with
        {
            Intent = intent,
            Signals = signals,
            Topics = topics,
            Municipality = municipality,
            Day = day,
            DayAsked = dayAsked,
        };
        return new MergedUnderstanding(merged, added);

        void AddSignals(IEnumerable<string> ids, bool value)
        {
            foreach (var id in ids.Where(known.Contains).Distinct(StringComparer.Ordinal))
            {
                if (signals.TryAdd(id, value))
                {
                    added.Add((value ? "signal:" : "signal-absent:") + id);
                }
            }
        }
    }

    private static Municipality? Find(KnowledgeBase knowledge, string name)
    {
        var trimmed = name.Trim();
        return knowledge.Municipalities.FirstOrDefault(m =>
            string.Equals(m.Name, trimmed, StringComparison.OrdinalIgnoreCase)
            || m.Aliases.Any(a => string.Equals(a, trimmed, StringComparison.OrdinalIgnoreCase)));
    }
}
