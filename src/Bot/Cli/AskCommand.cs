using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Cli;

/// <summary>
/// <c>ask [--json] [--knowledge PATH]... [--date yyyy-MM-dd] [--locale nl|en] "question"</c>: the same answer the bot
/// gives in chat. Exit 0 when answered (also "unknown"), 2 for bad arguments or invalid knowledge.
/// </summary>
internal static class AskCommand
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var json = false;
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
            throw new UsageException("no question given; usage: ask [--json] [--knowledge PATH]... [--date yyyy-MM-dd] [--locale nl|en] \"question\"");
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
        var answer = new Answerer(knowledge).Ask(new Question(question, today, locale));
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
            stdout.WriteLine(ToJson(answer));
        }
        else
        {
            stdout.WriteLine(answer.Text);
        }

        return CommandLine.Ok;
    }

    internal static string ToJson(Answer answer)
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
            w.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Value(string[] args, ref int i, string option) =>
        ++i < args.Length && !args[i].StartsWith("--", StringComparison.Ordinal)
            ? args[i]
            : throw new UsageException($"{option} needs a value");
}
