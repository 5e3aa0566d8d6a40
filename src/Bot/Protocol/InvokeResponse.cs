using System.Text.Json.Nodes;

namespace ExpertBot.Bot.Protocol;

/// <summary>What an invoke handler answers: written as the HTTP status and JSON body of the POST.</summary>
internal sealed record InvokeResponse(int Status, JsonNode? Body = null)
{
    public static InvokeResponse Ok(JsonNode? body = null) => new(StatusCodes.Status200OK, body);

    /// <summary>An error with the <c>{code, message}</c> body botbuilder and Teams use.</summary>
    public static InvokeResponse Error(int status, string code, string message) =>
        new(status, new JsonObject { ["code"] = code, ["message"] = message });

    /// <summary><c>adaptiveCard/action</c>: replace the card in the acting user's client.</summary>
    public static InvokeResponse AdaptiveCard(JsonNode card) =>
        Ok(new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = Attachment.AdaptiveCardContentType,
            ["value"] = card,
        });

    /// <summary><c>adaptiveCard/action</c>: show a short message to the acting user.</summary>
    public static InvokeResponse AdaptiveCardMessage(string message) =>
        Ok(new JsonObject
        {
            ["statusCode"] = 200,
            ["type"] = "application/vnd.microsoft.activity.message",
            ["value"] = message,
        });

    /// <summary><c>adaptiveCard/action</c>: an error shown by the client (HTTP 200, error inside).</summary>
    public static InvokeResponse AdaptiveCardError(int statusCode, string code, string message) =>
        Ok(new JsonObject
        {
            ["statusCode"] = statusCode,
            ["type"] = "application/vnd.microsoft.error",
            ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
        });
}
