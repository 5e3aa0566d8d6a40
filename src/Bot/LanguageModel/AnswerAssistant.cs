using ExpertBot.Knowledge.Answers;

namespace ExpertBot.Bot.LanguageModel;

/// <summary>
/// The one seam between the chat (and <c>ask</c>) and a language model: a typed question in, the answer out. Without
/// Azure OpenAI configured it is <see cref="EmbeddedAssistant"/>, the knowledge core alone.
/// </summary>
internal interface IAnswerAssistant
{
    /// <summary>Never throws for model trouble: any failure gives the embedded answer (see <see cref="AssistReport"/>).</summary>
    Task<AssistedAnswer> AnswerAsync(Question question, CancellationToken cancellationToken);
}

internal sealed record AssistedAnswer(Answer Answer, AssistReport Report);

/// <summary>
/// What the model contributed to one answer, for <c>ask --llm --json</c> and the log: codes only, never text.
/// A fallback is a reason such as "timeout", "http-429", "content-filter", "invalid-output", "unknown-expert".
/// </summary>
internal sealed record AssistReport(bool UnderstandingUsed, string? UnderstandingFallback, bool PhrasingUsed, string? PhrasingFallback, bool Cached)
{
    public const string NotConfigured = "not-configured";
    public const string NotApplicable = "not-applicable";

    /// <summary>What the model's understanding added to the embedded one ("municipality", "topic:lvb", …).</summary>
    public IReadOnlyList<string> Added { get; init; } = [];

    public static AssistReport Off { get; } = new(false, NotConfigured, false, NotConfigured, false);

    public static AssistReport Skipped { get; } = new(false, NotApplicable, false, NotApplicable, false);
}

/// <summary>The knowledge core alone: what the bot does when Azure OpenAI is not configured.</summary>
internal sealed class EmbeddedAssistant(Answerer answerer) : IAnswerAssistant
{
    public Task<AssistedAnswer> AnswerAsync(Question question, CancellationToken cancellationToken) =>
        Task.FromResult(new AssistedAnswer(answerer.Ask(question), AssistReport.Off));
}
