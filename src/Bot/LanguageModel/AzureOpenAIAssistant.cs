using System.Diagnostics;
using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Assist;
using Microsoft.Extensions.Caching.Memory;

namespace ExpertBot.Bot.LanguageModel;

/// <summary>
/// The knowledge core, helped by Azure OpenAI: the model's understanding is merged into the embedded one (it can
/// add, not overrule; acute danger always counts), then the model words the answer from the facts the knowledge core
/// returned, and the wording is used only when it names nothing outside them. Only the redacted question and
/// knowledge facts are sent. Any failure within the budget gives the embedded answer. Results are cached per
/// normalized redacted question, language, day and knowledge version.
/// </summary>
internal sealed class AzureOpenAIAssistant : IAnswerAssistant, IDisposable
{
    private readonly Answerer _answerer;
    private readonly AzureChatModel _model;
    private readonly AzureOpenAIOptions _options;
    private readonly ILogger _logger;
    private readonly MemoryCache _cache;
    private readonly JsonObject _understandingSchema;
    private readonly string _understandingSystem;
    private readonly JsonObject _phrasingSchema = AssistSchemas.Phrasing();

    public AzureOpenAIAssistant(Answerer answerer, AzureChatModel model, AzureOpenAIOptions options, ILogger<AzureOpenAIAssistant> logger)
    {
        ArgumentNullException.ThrowIfNull(answerer);
        ArgumentNullException.ThrowIfNull(options);
        _answerer = answerer;
        _model = model;
        _options = options;
        _logger = logger;
        // Our own bounded cache, so its size limit counts only these entries.
        _cache = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.CacheSize });
        _understandingSchema = AssistSchemas.Understanding(answerer.Knowledge);
        _understandingSystem = AssistPrompts.UnderstandingSystem(answerer.Knowledge);
    }

    public async Task<AssistedAnswer> AnswerAsync(Question question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(question);
        var started = Stopwatch.GetTimestamp();
        var reading = _answerer.Read(question);
        if (string.IsNullOrWhiteSpace(reading.RedactedText) || question.KnownSignals is { Count: > 0 })
        {
            // Follow-up buttons continue a decision; there is no new text to understand.
            return new AssistedAnswer(_answerer.AnswerFrom(question, reading), AssistReport.Skipped);
        }

        var key = AssistCacheKey.For(reading, question.Today, _answerer.Knowledge.Version);
        if (_cache.TryGetValue<CachedAssist>(key, out var cached) && cached is not null)
        {
            var (fromCache, addedBefore) = Understand(question, reading, cached.Reading);
            return Finish(Build(fromCache, addedBefore, true, null, cached.Phrased, null, cached: true), started);
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(_options.Timeout);

        var understood = await _model.CompleteJsonAsync(
            AssistSchemas.UnderstandingName, _understandingSchema, _understandingSystem,
            AssistPrompts.UnderstandingUser(reading, question.Today), budget.Token, cancellationToken);
        var modelReading = ModelReading.TryParse(understood.Json);
        var understandingFailure = understood.Failure ?? (modelReading is null ? "invalid-output" : null);

        var (answer, added) = Understand(question, reading, modelReading);
        PhrasedAnswer? phrased = null;
        string? phrasingFailure = null;
        if (GroundingFacts.CanPhrase(answer))
        {
            if (budget.IsCancellationRequested)
            {
                phrasingFailure = "timeout";
            }
            else if (understood.Failure is { } failure && Unavailable(failure))
            {
                // The service is refusing or slow right now: a second call in this turn would only add waiting.
                phrasingFailure = failure;
            }
            else
            {
                var worded = await _model.CompleteJsonAsync(
                    AssistSchemas.PhrasingName, _phrasingSchema, AssistPrompts.PhrasingSystem(answer.Language),
                    AssistPrompts.PhrasingUser(reading, GroundingFacts.From(answer)), budget.Token, cancellationToken);
                phrased = PhrasedAnswer.TryParse(worded.Json);
                phrasingFailure = worded.Failure ?? (phrased is null ? "invalid-output" : null);
            }
        }

        var result = Build(answer, added, modelReading is not null, understandingFailure, phrased, phrasingFailure, cached: false);
        if (modelReading is not null && (result.Report.PhrasingUsed || result.Report.PhrasingFallback == AssistReport.NotApplicable))
        {
            // Only complete successes: after a timeout or 429 the next ask tries the model again.
            _cache.Set(key, new CachedAssist(modelReading, phrased), new MemoryCacheEntryOptions
            {
                Size = 1,
                AbsoluteExpirationRelativeToNow = _options.CacheDuration,
            });
        }

        return Finish(result, started);
    }

    private static bool Unavailable(string failure) =>
        failure is "timeout" or "network" or "credential" or "content-filter" || failure.StartsWith("http-", StringComparison.Ordinal);

    /// <summary>Merges a model reading (when there is one) and answers from it.</summary>
    private (Answer Answer, IReadOnlyList<string> Added) Understand(Question question, Reading reading, ModelReading? model)
    {
        if (model is null)
        {
            return (_answerer.AnswerFrom(question, reading), []);
        }

        var merged = UnderstandingMerge.Merge(reading.Understanding, model, _answerer.Knowledge, question.Today);
        return (_answerer.AnswerFrom(question, reading with { Understanding = merged.Understanding }), merged.Added);
    }

    /// <summary>The answer with the wording applied when it passes the check, and the report of what the model did.</summary>
    private AssistedAnswer Build(Answer answer, IReadOnlyList<string> added, bool understood, string? understandingFailure, PhrasedAnswer? phrased, string? phrasingFailure, bool cached)
    {
        var canPhrase = GroundingFacts.CanPhrase(answer);
        if (!canPhrase)
        {
            phrasingFailure = AssistReport.NotApplicable;
        }
        else if (phrased is not null)
        {
            // Checked against the facts of this very answer, also for a cached wording.
            phrasingFailure = PhrasingCheck.Reject(phrased, GroundingFacts.From(answer), _answerer.Knowledge);
        }

        var phrasingUsed = canPhrase && phrased is not null && phrasingFailure is null;
        if (phrasingUsed)
        {
            answer = PhrasingCheck.Apply(answer, phrased!);
        }

        return new AssistedAnswer(
            answer,
            new AssistReport(understood, understandingFailure, phrasingUsed, phrasingUsed ? null : phrasingFailure ?? "missing", cached) { Added = added });
    }

    private AssistedAnswer Finish(AssistedAnswer result, long started)
    {
        var report = result.Report;
        if (report.UnderstandingFallback is { } understanding)
        {
            Log.FellBack(_logger, "understanding", understanding);
        }

        if (report.PhrasingFallback is { } phrasing && phrasing != AssistReport.NotApplicable)
        {
            Log.FellBack(_logger, "phrasing", phrasing);
        }

        Log.Assisted(_logger, report.UnderstandingUsed ? "model" : "embedded", report.Added.Count, report.PhrasingUsed ? "model" : "embedded", report.Cached,
            (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return result;
    }

    public void Dispose() => _cache.Dispose();

    private sealed record CachedAssist(ModelReading Reading, PhrasedAnswer? Phrased);
}
