using System.Globalization;
using System.Text.Json;

namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// What a language model read from a (redacted) question, as the structured output of
/// <see cref="AssistSchemas.Understanding"/>. Untrusted: <see cref="UnderstandingMerge"/> keeps only what the
/// loaded knowledge knows.
/// </summary>
public sealed record ModelReading(
    string Intent,
    bool AcuteDanger,
    IReadOnlyList<string> SignalsPresent,
    IReadOnlyList<string> SignalsAbsent,
    IReadOnlyList<string> Topics,
    string? Municipality,
    DateOnly? Day)
{
    /// <summary>Parses the model's JSON; null when it is not an object of the schema's shape (the caller falls back).</summary>
    public static ModelReading? TryParse(string? json) => Json.TryParseObject(json, root =>
    {
        if (!Json.TryString(root, "intent", out var intent) || intent is null
            || !root.TryGetProperty("acuteDanger", out var acute) || acute.ValueKind is not (JsonValueKind.True or JsonValueKind.False)
            || !Json.TryStrings(root, "signalsPresent", out var present)
            || !Json.TryStrings(root, "signalsAbsent", out var absent)
            || !Json.TryStrings(root, "topics", out var topics)
            || !Json.TryString(root, "municipality", out var municipality)
            || !Json.TryString(root, "day", out var dayText))
        {
            return null;
        }

        DateOnly? day = null;
        if (dayText is not null)
        {
            if (!DateOnly.TryParseExact(dayText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return null;
            }

            day = parsed;
        }

        return new ModelReading(intent, acute.GetBoolean(), present, absent, topics, municipality, day);
    });
}

/// <summary>Strict readers for the model's JSON: a field of the wrong type fails the whole output.</summary>
internal static class Json
{
    /// <summary>Reads a JSON object with <paramref name="read"/>; null for no text, malformed JSON or another JSON kind.</summary>
    public static T? TryParseObject<T>(string? json, Func<JsonElement, T?> read)
        where T : class
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document.RootElement) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A required string-or-null property.</summary>
    public static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element))
        {
            return false;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Null:
                return true;
            case JsonValueKind.String:
                value = element.GetString();
                return true;
            default:
                return false;
        }
    }

    /// <summary>A required array of strings.</summary>
    public static bool TryStrings(JsonElement root, string name, out IReadOnlyList<string> values)
    {
        values = [];
        if (!root.TryGetProperty(name, out var element) || element.ValueKind != JsonValueKind.Array)
        {
            return false;
        }

        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                return false;
            }

            list.Add(item.GetString()!);
        }

        values = list;
        return true;
    }
}
