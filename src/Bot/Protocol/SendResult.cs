namespace ExpertBot.Bot.Protocol;

/// <summary>The outcome of a call to the Bot Connector. Expected failures are results, not exceptions.</summary>
internal abstract record SendResult
{
    private SendResult() { }

    /// <summary>Accepted. <see cref="ActivityId"/> is the id Teams gave the activity (for updates); for a created conversation it is the conversation id.</summary>
    public sealed record Sent(string? ActivityId) : SendResult;

    /// <summary>403 (not in roster, blocked, not installed, disabled): the reference was marked Unreachable; wait for the user.</summary>
    public sealed record Unreachable(string? Code) : SendResult;

    /// <summary>404 (conversation or activity gone): nothing to retry.</summary>
    public sealed record Dropped(string? Code) : SendResult;

    /// <summary>Any other failure, after retries where retrying is allowed (429, 412, 502, 503, 504).</summary>
    public sealed record Failed(int Status, string? Code) : SendResult;

    /// <summary>Not sent at all: the serviceUrl's host is not allowed, or there is nothing to address.</summary>
    public sealed record Refused(string Reason) : SendResult;

    public bool IsSent => this is Sent;
}
