using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExpertBot.Bot.LanguageModel;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Cli;

/// <summary>
/// <c>ask [--json] [--llm] [--knowledge PATH]... [--date yyyy-MM-dd] [--locale nl|en] "question"</c>: the same answer the
/// bot gives in chat. <c>--llm</c> goes through the same assistant as the chat, configured as the host is (appsettings,
/// environment, <c>AzureOpenAI:*</c>). Exit 0 when answered (also "unknown", also after a fallback to the embedded
/// answer), 2 for bad arguments, invalid knowledge, or <c>--llm</c> without a valid Azure OpenAI configuration.
/// </summary>
internal static class AskCommand
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private const string Usage = "usage: ask [--json] [--llm] [--knowledge PATH]... [--date yyyy-MM-dd] [--locale nl|en] \"question\"";

    /// <param name="configuration">Extra configuration on top of the host's sources (tests point <c>--llm</c> at a fake).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        var json = false;
        var llm = false;
        var explain = false;
        var knowledgeFiles = new List<string>();
        DateOnly? date = null;
        Lang? locale = null;
        var words = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--json":
                    json = true;
                    break;
                case "--explain":
                    explain = true;
                    break;
                case "--llm":
                    llm = true;
                    break;
                case "--knowledge":
                    knowledgeFiles.Add(Value(args, ref i, "--knowledge"));
                    break;
                case "--date":
                    var text = Value(args, ref i, "--date");
                    date = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)
                        ? d
                        : throw new UsageException($"--date '{text}' is not a date in the form yyyy-MM-dd");
                    break;
                case "--locale":
                    var l = Value(args, ref i, "--locale").ToLowerInvariant();
                    locale = l.StartsWith("en", StringComparison.Ordinal) ? Lang.En
                        : l.StartsWith("nl", StringComparison.Ordinal) ? Lang.Nl
                        : throw new UsageException($"--locale '{l}' is not supported (use nl or en)");
                    break;
                case var option when option.StartsWith("--", StringComparison.Ordinal):
                    throw new UsageException($"unknown option '{option}'");
                default:
                    words.Add(args[i]);
                    break;
            }
        }

        var question = string.Join(' ', words).Trim();
        if (question.Length == 0)
        {
            throw new UsageException("no question given; " + Usage);
        }

        KnowledgeBase knowledge;
        try
        {
            knowledge = KnowledgeCommand.Load(knowledgeFiles);
        }
        catch (KnowledgeLoadException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return CommandLine.BadArguments;
        }

        var today = date ?? Clock.TodayInNetherlands(time);
        var answerer = new Answerer(knowledge);
        var asked = new Question(question, today, locale);
        Answer answer;
        AssistReport? report = null;
        if (llm)
        {
            if (!TryAssist(answerer, asked, configuration, stderr, out var assisted))
            {
                return CommandLine.BadArguments;
            }

            (answer, report) = (assisted.Answer, assisted.Report);
        }
        else
        {
            answer = answerer.Ask(asked);
        }

        if (explain)
        {
            // For people tuning knowledge: what the reader understood (ids only), on stderr.
            var u = answer.Understanding;
            stderr.WriteLine($"language={u.Language} intent={u.Intent.Code()} day={u.Day:yyyy-MM-dd}{(u.DayAsked ? " (asked)" : "")} municipality={u.Municipality?.Name}");
            stderr.WriteLine($"signals: {string.Join(", ", u.Signals.Select(s => (s.Value ? "+" : "-") + s.Key))}");
            stderr.WriteLine($"topics: {string.Join(", ", u.Topics)}; roles: {string.Join(", ", u.Roles)}; articles: {string.Join(", ", u.Articles)}");
        }

        if (json)
        {
            stdout.WriteLine(ToJson(answer, report));
        }
        else
        {
            stdout.WriteLine(answer.Text);
            if (report is { } r && (r.UnderstandingFallback ?? r.PhrasingFallback) is { } reason && reason != AssistReport.NotApplicable)
            {
                stderr.WriteLine($"note: Azure OpenAI not (fully) used ({reason}); the embedded answer fills in");
            }
        }

        return CommandLine.Ok;
    }

    /// <summary>
    /// The assistant the bot host would use, from the same configuration sources. False (with a one-line error) when
    /// Azure OpenAI is not configured or its settings are invalid.
    /// </summary>
    private static bool TryAssist(Answerer answerer, Question question, IReadOnlyDictionary<string, string?>? configuration, TextWriter stderr, out AssistedAnswer assisted)
    {
        assisted = null!;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        // stdout is the answer: no log lines in it; what the model did is in --json's "assist".
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(answerer).AddLanguageModel();
        using var app = builder.Build();
        AzureOpenAIOptions options;
        try
        {
            options = app.Services.GetRequiredService<IOptions<AzureOpenAIOptions>>().Value;
        }
        catch (OptionsValidationException e)
        {
            stderr.WriteLine($"error: {string.Join(" ", e.Failures)}");
            return false;
        }

        if (!options.Enabled)
        {
            stderr.WriteLine("error: --llm needs Azure OpenAI: set AzureOpenAI:Endpoint, AzureOpenAI:Deployment and AzureOpenAI:ApiKey " +
                "(or AzureOpenAI:UseManagedIdentity=true), e.g. as environment variables AzureOpenAI__Endpoint=…");
            return false;
        }

        assisted = app.Services.GetRequiredService<IAnswerAssistant>().AnswerAsync(question, CancellationToken.None).GetAwaiter().GetResult();
        return true;
    }

    internal static string ToJson(Answer answer, AssistReport? report = null)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, WriterOptions))
        {
            var lang = answer.Language;
            w.WriteStartObject();
            w.WriteString("intent", answer.Intent.Code());
            if (answer.Route is { } route)
            {
                w.WriteStartObject("route");
                w.WriteString("id", route.Route.Id);
                w.WriteString("name", route.Route.Name.For(lang));
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("route");
            }

            w.WriteStartArray("experts");
            foreach (var expert in answer.Experts.Recommended)
            {
                w.WriteStartObject();
                w.WriteString("id", expert.Expert.Id);
                w.WriteString("name", expert.Expert.Name);
                w.WriteString("organisation", expert.Expert.Organisation);
                w.WriteStartArray("reasons");
                foreach (var reason in expert.Reasons)
                {
                    w.WriteStringValue(reason);
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (answer.FollowUp is { } followUp)
            {
                w.WriteStartObject("followUp");
                w.WriteString("signal", followUp.Id);
                w.WriteString("question", followUp.Question.For(lang));
                w.WriteStartArray("choices");
                foreach (var choice in followUp.Choices)
                {
                    w.WriteStartObject();
                    w.WriteString("value", choice.Value);
                    w.WriteString("label", choice.Label.For(lang));
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }
            else
            {
                w.WriteNull("followUp");
            }

            w.WriteStartArray("pii");
            foreach (var pii in answer.Pii)
            {
                w.WriteStartObject();
                w.WriteString("kind", pii.KindCode);
                w.WriteNumber("start", pii.Start);
                w.WriteNumber("length", pii.Length);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteString("answer", answer.Text);
            w.WriteStartArray("sources");
            foreach (var source in answer.Sources)
            {
                w.WriteStartObject();
                w.WriteString("document", source.Document);
                w.WriteString("section", source.Section);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            if (report is not null)
            {
                WriteAssist(w, report);
            }

            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>What the model did: "model" or "embedded" per step, and why it fell back (codes only).</summary>
    private static void WriteAssist(Utf8JsonWriter w, AssistReport report)
    {
        w.WriteStartObject("assist");
        w.WriteString("understanding", report.UnderstandingUsed ? "model" : "embedded");
        w.WriteString("understandingFallback", report.UnderstandingFallback);
        w.WriteStartArray("added");
        foreach (var added in report.Added)
        {
            w.WriteStringValue(added);
        }

        w.WriteEndArray();
        w.WriteString("phrasing", report.PhrasingUsed ? "model" : "embedded");
        w.WriteString("phrasingFallback", report.PhrasingFallback);
        w.WriteBoolean("cached", report.Cached);
        w.WriteEndObject();
    }

    private static string Value(string[] args, ref int i, string option) =>
        ++i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new UsageException($"{option} needs a value");
}
