using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Requests;

/// <summary>Requests to the GI: routing and limits. Bound from the <c>Requests</c> section.</summary>
internal sealed class RequestsOptions
{
    public const string Section = "Requests";

    /// <summary>Configured routes, checked in order after the channels linked with "koppel dit kanaal aan …".</summary>
    public List<RequestRoute> Routes { get; set; } = [];

    /// <summary>Where a request goes when no route matches; none means it waits (queued) until a channel is linked.</summary>
    public RequestTarget? DefaultTarget { get; set; }

    /// <summary>First wait after a failed delivery; doubles per attempt up to <see cref="MaxRetryInterval"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Requests:RetryInterval must be between 1 ms and 1 day.")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00", ErrorMessage = "Requests:MaxRetryInterval must be between 1 ms and 1 day.")]
    public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the outbox is checked when nothing signals new work.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = "Requests:PollInterval must be between 1 ms and 1 hour.")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries running at once (pacing per conversation and tenant still applies).</summary>
    [Range(1, 256, ErrorMessage = "Requests:DeliveryConcurrency must be between 1 and 256.")]
    public int DeliveryConcurrency { get; set; } = 16;

    /// <summary>
    /// Entra object ids of the people who may link a channel ("koppel dit kanaal aan …"). Empty: anyone in the
    /// channel may (every link is audited with who did it).
    /// </summary>
    public List<string> ChannelAdmins { get; set; } = [];

    /// <summary>
    /// After a submission wakes the outbox, it waits until no new submission came for this long (at most 1.5 s in
    /// all), so that a burst is delivered together. 0 delivers at once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:01", ErrorMessage = "Requests:GatherDelay must be between 0 and 1 second.")]
    public TimeSpan GatherDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// Most tickets in one channel message. Tickets are bundled only when more wait for a channel (or the tenant)
    /// than Teams' limits let through within a second; 1 turns bundling off.
    /// </summary>
    [Range(1, 40, ErrorMessage = "Requests:MaxTicketsPerMessage must be between 1 and 40 (the card must stay well below Teams' message size limit).")]
    public int MaxTicketsPerMessage { get; set; } = 40;

    [Range(50, 4000, ErrorMessage = "Requests:MaxSituationLength must be between 50 and 4000.")]
    public int MaxSituationLength { get; set; } = 1000;

    [Range(50, 4000, ErrorMessage = "Requests:MaxTriedLength must be between 50 and 4000.")]
    public int MaxTriedLength { get; set; } = 1000;

    [Range(50, 4000, ErrorMessage = "Requests:MaxContributionLength must be between 50 and 4000.")]
    public int MaxContributionLength { get; set; } = 500;

    [Range(50, 8000, ErrorMessage = "Requests:MaxMessageLength must be between 50 and 8000.")]
    public int MaxMessageLength { get; set; } = 2000;
}

/// <summary>A municipality and/or a GI organisation (from the knowledge) → a target. Empty matchers match nothing.</summary>
internal sealed class RequestRoute
{
    /// <summary>Matches requests for this municipality (case-insensitive).</summary>
    public string? Municipality { get; set; }

    /// <summary>Matches requests for any municipality this organisation serves (its id in the knowledge, e.g. jb-noord).</summary>
    public string? Organisation { get; set; }

    public RequestTarget Target { get; set; } = new();
}

/// <summary>Either a channel (its conversation id, 19:…@thread.tacv2) or an expert's personal chat (expert id from the knowledge).</summary>
internal sealed class RequestTarget
{
    public string? ConversationId { get; set; }

    public string? Expert { get; set; }

    public bool IsValid => string.IsNullOrWhiteSpace(ConversationId) != string.IsNullOrWhiteSpace(Expert);
}

internal sealed class RequestsOptionsValidator : IValidateOptions<RequestsOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestsOptions options)
    {
        List<string> failures = [];
        for (var i = 0; i < options.Routes.Count; i++)
        {
            var route = options.Routes[i];
            if (string.IsNullOrWhiteSpace(route.Municipality) && string.IsNullOrWhiteSpace(route.Organisation))
            {
                failures.Add($"Requests:Routes:{i} needs a Municipality or an Organisation.");
            }

            if (!route.Target.IsValid)
            {
                failures.Add($"Requests:Routes:{i}:Target needs exactly one of ConversationId and Expert.");
            }
        }

        if (options.DefaultTarget is { } target && !target.IsValid)
        {
            failures.Add("Requests:DefaultTarget needs exactly one of ConversationId and Expert.");
        }

        if (options.MaxRetryInterval < options.RetryInterval)
        {
            failures.Add("Requests:MaxRetryInterval must not be shorter than Requests:RetryInterval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
