using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExpertBot.Bot.Cards;

/// <summary>
/// The contract between card buttons and the handlers: verb names, data field names and a reader that
/// accepts both the <c>adaptiveCard/action</c> invoke value (Action.Execute) and the message value of the
/// Action.Submit fallback (Teams mobile and older clients), which carries the verb inside the data.
/// </summary>
internal static class CardVerbs
{
    /// <summary>Data: <c>{ followUp, value, answerId, lang? }</c>.</summary>
    public const string FollowUpChoose = "followup.choose";

    /// <summary>Data: <c>{ answerId, vote: 1 | -1, intent?, routeId?, lang? }</c>.</summary>
    public const string Feedback = "feedback";

    /// <summary>Data: <c>{ routeId, municipality?, lang? }</c>.</summary>
    public const string ExpertsShow = "experts.show";

    /// <summary>Data: <c>{ routeId?, municipality?, topic? }</c>.</summary>
    public const string RequestOpen = "request.open";

    /// <summary>Data: <c>{ text }</c>, a question to answer as if the user had typed it.</summary>
    public const string Ask = "ask";

    /// <summary>Data: <c>{ formId, …form inputs }</c>: the request form's submit.</summary>
    public const string RequestSubmit = "request.submit";

    /// <summary>Data: <c>{ requestId, message }</c>: the casemanager adds information.</summary>
    public const string RequestAddInformation = "request.addinfo";

    /// <summary>Data: <c>{ requestId }</c>: the casemanager withdraws the request.</summary>
    public const string RequestWithdraw = "request.withdraw";

    /// <summary>Data: <c>{ requestId }</c>: Oppakken on the ticket.</summary>
    public const string RequestPickUp = "request.pickup";

    /// <summary>Data: <c>{ requestId, message }</c>: Reageren on the ticket.</summary>
    public const string RequestRespond = "request.respond";

    /// <summary>Data: <c>{ requestId, message }</c>: Afronden on the ticket, with the advice.</summary>
    public const string RequestFinish = "request.finish";

    /// <summary>Data: <c>{ requestId, message? }</c>: Teruggeven aan basisteam.</summary>
    public const string RequestReturn = "request.return";

    /// <summary>Name of the verb field inside Action.Submit data.</summary>
    public const string VerbField = "verb";

    private static readonly Dictionary<string, string[]> RequiredFields = new(StringComparer.Ordinal)
    {
        [FollowUpChoose] = [CardData.FollowUp, CardData.Value],
        [Feedback] = [CardData.AnswerId, CardData.Vote],
        [ExpertsShow] = [CardData.RouteId],
        [RequestOpen] = [],
        [Ask] = [CardData.Text],
        [RequestSubmit] = [CardData.FormId],
        [RequestAddInformation] = [CardData.RequestId],
        [RequestWithdraw] = [CardData.RequestId],
        [RequestPickUp] = [CardData.RequestId],
        [RequestRespond] = [CardData.RequestId],
        [RequestFinish] = [CardData.RequestId],
        [RequestReturn] = [CardData.RequestId],
        [ReminderVerbs.Set] = [],
        [ReminderVerbs.List] = [],
        [ReminderVerbs.Move] = [ReminderData.ReminderId],
        [ReminderVerbs.Done] = [ReminderData.ReminderId],
        [ReminderVerbs.Snooze] = [ReminderData.ReminderId],
        [ReminderVerbs.Cancel] = [ReminderData.ReminderId],
    };

    public static IReadOnlyCollection<string> All => RequiredFields.Keys;

    /// <summary>
    /// Reads a card action from an invoke value <c>{"action":{"type":"Action.Execute","verb":…,"data":{…}}}</c>
    /// or a submit value <c>{"verb":…, …data}</c>. False for anything else: unknown verb, missing data or a
    /// missing required field. Never throws; the returned data is a detached copy.
    /// </summary>
    public static bool TryRead(JsonNode? value, out CardAction action)
    {
        action = null!;
        if (value is not JsonObject root)
        {
            return false;
        }

        string? verb;
        JsonObject data;
        if (root["action"] is JsonObject execute)
        {
            if (execute["type"] is { } type && Text(type) != "Action.Execute")
            {
                return false;
            }

            verb = Text(execute["verb"]);
            if (execute["data"] is not JsonObject executeData)
            {
                return false;
            }

            data = (JsonObject)executeData.DeepClone();
            data.Remove(VerbField);
        }
        else
        {
            verb = Text(root[VerbField]);
            data = (JsonObject)root.DeepClone();
            data.Remove(VerbField);
        }

        if (verb is null || !RequiredFields.TryGetValue(verb, out var required))
        {
            return false;
        }

        var candidate = new CardAction(verb, data);
        if (required.Any(field => string.IsNullOrWhiteSpace(candidate.Get(field))))
        {
            return false;
        }

        if (verb == Feedback && candidate.Vote is null)
        {
            return false;
        }

        action = candidate;
        return true;
    }

    /// <summary>A string or number value as text; null for anything else (objects, arrays, booleans, null).</summary>
    internal static string? Text(JsonNode? node) => node is JsonValue value
        ? value.GetValueKind() switch
        {
            JsonValueKind.String => value.GetValue<string>(),
            JsonValueKind.Number => value.ToJsonString(),
            _ => null,
        }
        : null;
}

/// <summary>Field names inside action data.</summary>
internal static class CardData
{
    public const string FollowUp = "followUp";
    public const string Value = "value";
    public const string AnswerId = "answerId";
    public const string Vote = "vote";
    public const string Intent = "intent";
    public const string Lang = "lang";
    public const string RouteId = "routeId";
    public const string Municipality = "municipality";
    public const string Topic = "topic";
    public const string Text = "text";
    public const string FormId = "formId";
    public const string RequestId = "requestId";
    public const string Message = "message";
}

/// <summary>A button press: its verb and its data (without the verb), with typed getters for the known fields.</summary>
internal sealed record CardAction(string Verb, JsonObject Data)
{
    public string? FollowUpId => Get(CardData.FollowUp);

    public string? Value => Get(CardData.Value);

    public string? AnswerId => Get(CardData.AnswerId);

    public string? RouteId => Get(CardData.RouteId);

    public string? Intent => Get(CardData.Intent);

    /// <summary>The language of the card the button was on, when the card says: its buttons continue in it.</summary>
    public Knowledge.Loading.Lang? Language => Get(CardData.Lang) switch
    {
        "en" => Knowledge.Loading.Lang.En,
        "nl" => Knowledge.Loading.Lang.Nl,
        _ => null,
    };

    public string? Municipality => Get(CardData.Municipality);

    public string? Topic => Get(CardData.Topic);

    public string? Text => Get(CardData.Text);

    /// <summary>+1 or -1; null when absent or anything else. Accepts a number or a numeric string (input values arrive as strings).</summary>
    public int? Vote => int.TryParse(Get(CardData.Vote), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var vote) && vote is 1 or -1
        ? vote
        : null;

    /// <summary>A field as text (strings and numbers); null when absent, empty or of another kind.</summary>
    public string? Get(string field)
    {
        var text = CardVerbs.Text(Data[field]);
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
