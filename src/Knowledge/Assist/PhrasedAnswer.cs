namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// A language model's wording of an answer, as the structured output of <see cref="AssistSchemas.Phrasing"/>: the
/// text plus the expert and route ids it says it used, so <see cref="PhrasingCheck"/> can compare them with the facts.
/// </summary>
public sealed record PhrasedAnswer(string Text, IReadOnlyList<string> ExpertIds, IReadOnlyList<string> RouteIds)
{
    /// <summary>Parses the model's JSON; null when it is not an object of the schema's shape.</summary>
    public static PhrasedAnswer? TryParse(string? json) => Json.TryParseObject(json, root =>
        Json.TryString(root, "text", out var text) && text is not null
        && Json.TryStrings(root, "expertIds", out var experts)
        && Json.TryStrings(root, "routeIds", out var routes)
            ? new PhrasedAnswer(text, experts, routes)
            : null);
}
