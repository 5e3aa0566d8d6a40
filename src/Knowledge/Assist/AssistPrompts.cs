using System.Globalization;
using System.Text;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// The messages sent to a language model. Built from the knowledge, the redacted question and the grounding facts
/// only: the original question (with its personal data) is not an input here, so it cannot end up in a prompt.
/// </summary>
public static class AssistPrompts
{
    public static string UnderstandingSystem(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        var text = new StringBuilder();
        text.AppendLine("""
            You read one question from a casemanager in a Dutch local youth-care team (wijkteam) about a family where a
            child's safety may be at stake. Return only JSON that matches the schema. Use only the ids listed below;
            leave out what the question does not say. Personal data has been replaced by placeholders such as [NAAM]
            or [BSN]: never guess what they stand for.
            - intent: "who" when the question asks which expert or organisation to consult, "route" when it asks what to
              do or which route fits, otherwise "unknown".
            - acuteDanger: true when a child may be in danger now or within days; false otherwise.
            - signalsPresent / signalsAbsent: signals the question states or explicitly denies.
            - topics: subjects of the case. municipality: the municipality named, or null.
            - day: the day the question asks about (e.g. "vrijdag", "morgen") as yyyy-MM-dd, or null.
            """);
        text.AppendLine("Signals:");
        foreach (var signal in knowledge.Signals)
        {
            text.Append("- ").Append(signal.Id).Append(": ").AppendLine(signal.Label.Nl);
        }

        text.AppendLine("Topics:");
        foreach (var topic in knowledge.Topics)
        {
            text.Append("- ").Append(topic.Id).Append(": ").AppendLine(topic.Label);
        }

        return text.ToString().TrimEnd();
    }

    public static string UnderstandingUser(Reading reading, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(reading);
        return string.Create(CultureInfo.InvariantCulture, $"Today is {today:yyyy-MM-dd} ({today.DayOfWeek}).\nQuestion: {reading.RedactedText}");
    }

    public static string PhrasingSystem(Lang language) => $"""
        You word an answer for a casemanager in a Dutch local youth-care team, in {(language == Lang.En ? "English" : "Dutch")}.
        Rules:
        - Use only the facts in the JSON you are given. Add no expert, organisation, route, phone number, e-mail
          address, term, rate or other fact that is not in them.
        - Name only the experts and the route in the facts; put the ids you name in expertIds and routeIds.
        - Explain briefly and plainly (at most 120 words) why this route or these experts fit the question, and the next step.
        - Do not list the sources: they are shown below your text. Do not repeat contact details in full.
        - Placeholders such as [NAAM] stand for personal data: never guess or repeat what they stand for.
        Return only JSON that matches the schema.
        """;

    public static string PhrasingUser(Reading reading, GroundingFacts facts)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(facts);
        return $"Question: {reading.RedactedText}\nFacts (JSON): {facts.ToJson()}";
    }
}
