using System.Globalization;
using System.Text;
using ExpertBot.Bot.Requests;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Cli;

/// <summary>
/// <c>report requests --from yyyy-MM-dd --to yyyy-MM-dd [--csv]</c>: anonymous counts of the requests to the GI created
/// in those days (both inclusive, Dutch time) and the median time to pick up and to finish. Reads the store the host
/// uses (appsettings, environment, <c>Storage:*</c>) and migrates it first. Exit 0; 1 when the store cannot be used;
/// 2 for bad arguments.
/// </summary>
internal static class ReportCommand
{
    private const string Usage = "usage: report requests --from yyyy-MM-dd --to yyyy-MM-dd [--csv]";

    /// <param name="configuration">Extra configuration on top of the host's sources (tests point it at their own store).</param>
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        var (from, to, csv) = Parse(args);

        RequestReport report;
        try
        {
            report = RequestReport.Build(LoadFactsAsync(from, to, configuration).GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is StorageUnavailableException or OptionsValidationException)
        {
            stderr.WriteLine($"error: {e.Message.ReplaceLineEndings(" ")}");
            return CommandLine.Failed;
        }

        stdout.Write(csv ? ToCsv(report) : ToTable(report, from, to));
        return CommandLine.Ok;
    }

    private static (DateOnly From, DateOnly To, bool Csv) Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != "requests")
        {
            throw new UsageException($"nothing to report{(args.Length == 0 ? "" : $" on '{args[0]}'")}; {Usage}");
        }

        DateOnly? from = null, to = null;
        var csv = false;
        for (var i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--from":
                    from = Date(args, ref i);
                    break;
                case "--to":
                    to = Date(args, ref i);
                    break;
                case "--csv":
                    csv = true;
                    break;
                default:
                    throw new UsageException($"unknown argument '{args[i]}'; {Usage}");
            }
        }

        if (from is null || to is null)
        {
            throw new UsageException($"--from and --to are required; {Usage}");
        }

        if (to < from)
        {
            throw new UsageException($"--to {to:yyyy-MM-dd} is before --from {from:yyyy-MM-dd}");
        }

        return (from.Value, to.Value, csv);
    }

    private static DateOnly Date(string[] args, ref int i)
    {
        var option = args[i];
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{option} needs a date (yyyy-MM-dd); {Usage}");
        }

        var text = args[++i];
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new UsageException($"{option} '{text}' is not a date in the form yyyy-MM-dd");
    }

    private static async Task<IReadOnlyList<RequestFact>> LoadFactsAsync(DateOnly from, DateOnly to, IReadOnlyDictionary<string, string?>? configuration)
    {
        // The web builder reads exactly the sources the host reads; the server is never started.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        if (configuration is not null)
        {
            builder.Configuration.AddInMemoryCollection(configuration);
        }

        // stdout is the report: no log lines in it. Failures surface as exceptions with a message.
        builder.Logging.ClearProviders();
        builder.Services.AddBotStorage();
        builder.Services.AddRequestStore();
        await using var app = builder.Build();
        var services = app.Services;
        _ = services.GetRequiredService<IOptions<StorageOptions>>().Value;
        await services.GetRequiredService<IStorageMigrator>().MigrateAsync(CancellationToken.None);
        return await services.GetRequiredService<IRequestStore>().ListFactsAsync(
            Clock.StartOfDayInNetherlands(from), Clock.StartOfDayInNetherlands(to.AddDays(1)), CancellationToken.None);
    }

    internal static string ToTable(RequestReport report, DateOnly from, DateOnly to)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Requests to the GI created {from:yyyy-MM-dd} to {to:yyyy-MM-dd} (Dutch time): {report.Total}");
        Table(text, "Municipality", report.Municipalities);
        Table(text, "Kind", report.Kinds);
        Table(text, "Route", report.Routes);
        Table(text, "Reason", report.Reasons);
        Table(text, "Outcome (status now)", report.Outcomes);
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{"Time from submit to",-32} {"Requests",8}  Median");
        Timing(text, "pick-up (Oppakken)", report.ToPickUp);
        Timing(text, "finish (Afronden)", report.ToFinish);
        return text.ToString();
    }

    internal static string ToCsv(RequestReport report)
    {
        var text = new StringBuilder();
        text.AppendLine("dimension,value,requests,median_minutes");
        text.AppendLine(CultureInfo.InvariantCulture, $"total,,{report.Total},");
        foreach (var (dimension, rows) in new[]
                 {
                     ("municipality", report.Municipalities), ("kind", report.Kinds), ("route", report.Routes),
                     ("reason", report.Reasons), ("outcome", report.Outcomes),
                 })
        {
            foreach (var row in rows)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{dimension},{Csv(row.Value)},{row.Requests},");
            }
        }

        foreach (var (dimension, timing) in new[] { ("time-to-pick-up", report.ToPickUp), ("time-to-finish", report.ToFinish) })
        {
            var median = timing.Median is { } m ? m.TotalMinutes.ToString("0.0", CultureInfo.InvariantCulture) : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"{dimension},,{timing.Requests},{median}");
        }

        return text.ToString();
    }

    /// <summary>"45 min", "2 h 05 min", "3 d 4 h": readable at a glance; the CSV has exact minutes.</summary>
    internal static string Duration(TimeSpan value) =>
        value < TimeSpan.FromHours(1) ? $"{(int)value.TotalMinutes} min"
        : value < TimeSpan.FromHours(48) ? $"{(int)value.TotalHours} h {value.Minutes:00} min"
        : $"{value.Days} d {value.Hours} h";

    private static void Table(StringBuilder text, string title, IReadOnlyList<ReportCount> rows)
    {
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{title,-32} {"Requests",8}");
        foreach (var row in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{row.Value,-32} {row.Requests,8}");
        }
    }

    private static void Timing(StringBuilder text, string title, ReportTiming timing) =>
        text.AppendLine(CultureInfo.InvariantCulture, $"{title,-32} {timing.Requests,8}  {(timing.Median is { } m ? Duration(m) : "-")}");

    private static string Csv(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
