namespace ExpertBot.Bot.LanguageModel;

/// <summary>Language model logging (EventIds 7000–7099): steps, reasons, counts and timings — never questions, prompts or completions.</summary>
internal static partial class Log
{
    [LoggerMessage(7000, LogLevel.Information, "Azure OpenAI on: deployment {Deployment}, {Credential} credential, budget {BudgetMs} ms per turn, cache {CacheSize} entries")]
    public static partial void Enabled(ILogger logger, string deployment, string credential, long budgetMs, int cacheSize);

    [LoggerMessage(7001, LogLevel.Warning, "Azure OpenAI {Step} not used, embedded answer instead: {Reason}")]
    public static partial void FellBack(ILogger logger, string step, string reason);

    [LoggerMessage(7002, LogLevel.Information, "Assisted answer: understanding {Understanding} ({Added} additions), phrasing {Phrasing}, cached {Cached}, in {ElapsedMs} ms")]
    public static partial void Assisted(ILogger logger, string understanding, int added, string phrasing, bool cached, long elapsedMs);
}
