using ExpertBot.Bot.Cli;
using ExpertBot.Bot.Requests;
using ExpertBot.Bot.Tests.Storage;
using ExpertBot.Knowledge.Requests;
using Microsoft.Extensions.Time.Testing;

namespace ExpertBot.Bot.Tests.Requests;

/// <summary><c>report requests</c> over a real SQLite store: exact counts and medians, Dutch day boundaries, no personal data.</summary>
public sealed class ReportCommandTests
{
    private const string CaseReference = "WIJ-98765";
    private const string OwnerName = "Jantine Jansen";
    private const string Situation = "Moeder belt elke avond over de buurman";
    private const string Advice = "Advies: plan een gezamenlijk gesprek met de school";

    [Fact]
    public async Task Report_SeededRequests_ExactCountsAndMedians()
    {
        await using var database = await SeededAsync();

        var (code, stdout, stderr) = Run(database, "requests", "--from", "2026-11-01", "--to", "2026-11-30", "--csv");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Equal("", stderr);
        Assert.Equal(
            """
            dimension,value,requests,median_minutes
            total,,5,
            municipality,Oldambt,2,
            municipality,Pekela,2,
            municipality,Veendam,1,
            kind,nazorg,2,
            kind,informatie-en-advies,1,
            kind,specialistisch-casemanagement,1,
            kind,weet-ik-niet,1,
            kind,aansluiten-en-ondersteunen,0,
            route,(none),4,
            route,informatie-en-advies,1,
            reason,complexiteit,2,
            reason,anders,1,
            reason,objectief-oordeel,1,
            reason,stagnatie,1,
            reason,perspectief-maatregel,0,
            outcome,afgerond,2,
            outcome,ingetrokken,1,
            outcome,nieuw,1,
            outcome,opgepakt,1,
            outcome,in-behandeling,0,
            outcome,teruggegeven,0,
            time-to-pick-up,,3,60.0
            time-to-finish,,2,840.0

            """.ReplaceLineEndings(), stdout);
    }

    [Fact]
    public async Task Report_Table_ShowsTotalsAndReadableMedians()
    {
        await using var database = await SeededAsync();

        var (code, stdout, _) = Run(database, "requests", "--from", "2026-11-01", "--to", "2026-11-30");

        Assert.Equal(CommandLine.Ok, code);
        var lines = stdout.Split(Environment.NewLine).Select(l => string.Join(' ', l.Split(' ', StringSplitOptions.RemoveEmptyEntries))).ToList();
        Assert.Equal("Requests to the GI created 2026-11-01 to 2026-11-30 (Dutch time): 5", lines[0]);
        Assert.Contains("Oldambt 2", lines);
        Assert.Contains("Veendam 1", lines);
        Assert.Contains("complexiteit 2", lines);
        Assert.Contains("afgerond 2", lines);
        Assert.Contains("pick-up (Oppakken) 3 1 h 00 min", lines);
        Assert.Contains("finish (Afronden) 2 14 h 00 min", lines);
    }

    [Fact]
    public async Task Report_Output_HoldsNoPersonalDataOrCaseText()
    {
        await using var database = await SeededAsync();

        var table = Run(database, "requests", "--from", "2026-10-01", "--to", "2026-12-31").Stdout;
        var csv = Run(database, "requests", "--from", "2026-10-01", "--to", "2026-12-31", "--csv").Stdout;

        foreach (var output in new[] { table, csv })
        {
            Assert.Contains("Groningen", output, StringComparison.Ordinal); // the wider window includes the December one
            foreach (var secret in new[] { CaseReference, OwnerName, "Jansen", Situation, Advice, "aad-cm", "a:personal", "Bijdrage", "GI Expert" })
            {
                Assert.DoesNotContain(secret, output, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Report_EmptyStore_ZeroCountsAndNoMedians()
    {
        await using var database = new SqliteTestDatabase();

        var (code, stdout, _) = Run(database, "requests", "--from", "2026-11-01", "--to", "2026-11-01", "--csv");

        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("total,,0,", stdout, StringComparison.Ordinal);
        Assert.Contains("time-to-pick-up,,0,", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--from", "2026-13-01", "--to", "2026-11-30")]
    [InlineData("--from", "1-11-2026", "--to", "2026-11-30")]
    [InlineData("--from", "2026-11-30", "--to", "2026-11-01")]
    [InlineData("--from", "2026-11-01")]
    [InlineData("--from", "2026-11-01", "--to")]
    [InlineData("--from", "2026-11-01", "--to", "2026-11-30", "--pdf")]
    public void Report_BadArguments_ExitTwoWithOneLineError(params string[] options)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = CommandLine.Run(["report", "requests", .. options], stdout, stderr, TimeProvider.System);

        Assert.Equal(CommandLine.BadArguments, code);
        Assert.Equal("", stdout.ToString());
        Assert.StartsWith("error: ", stderr.ToString(), StringComparison.Ordinal);
        Assert.Single(stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Report_NoSubject_ExitTwo()
    {
        var stderr = new StringWriter();

        Assert.Equal(CommandLine.BadArguments, CommandLine.Run(["report", "experts"], new StringWriter(), stderr, TimeProvider.System));
        Assert.Contains("report requests --from", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Report_BadStorageConfiguration_ExitOneNamingTheKey()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        var code = ReportCommand.Run(["requests", "--from", "2026-11-01", "--to", "2026-11-30"], stdout, stderr,
            new Dictionary<string, string?> { ["Storage:Provider"] = "mongodb" });

        Assert.Equal(CommandLine.Failed, code);
        Assert.Contains("Storage:Provider", stderr.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 30 }, 30)]
    [InlineData(new[] { 90, 30, 60 }, 60)]
    [InlineData(new[] { 120, 30, 60, 10 }, 45)]
    public void Median_OddAndEvenCounts(int[] minutes, int expected) =>
        Assert.Equal(TimeSpan.FromMinutes(expected), RequestReport.Median([.. minutes.Select(m => TimeSpan.FromMinutes(m))]));

    private static (int Code, string Stdout, string Stderr) Run(SqliteTestDatabase database, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ReportCommand.Run(args, stdout, stderr, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "sqlite",
            ["Storage:SqlitePath"] = database.FilePath,
        });
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>
    /// Five requests created in November 2026 in Dutch time (one at 00:30 on 1 November, which is still 31 October in
    /// UTC) and one on 1 December at 00:30 Dutch time (30 November in UTC), which a November report leaves out.
    /// Pick-up after 30, 90 and 60 minutes (median 60); finished after 2 and 26 hours (median 14 h).
    /// </summary>
    private static async Task<SqliteTestDatabase> SeededAsync()
    {
        var database = new SqliteTestDatabase();
        var now = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        var instance = database.OpenInstance(new FakeTimeProvider(now), new ExpertBot.Bot.Storage.StorageOptions());
        await instance.Migrator.MigrateAsync(default);
        var store = new SqlRequestStore(instance.Database);
        var day = new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

        StoredRequest[] requests =
        [
            Request("Oldambt", RequestKind.Nazorg, null, EngagementReason.Complexiteit, RequestStatus.Afgerond, day, 30, 120),
            Request("Oldambt", RequestKind.InformatieEnAdvies, "informatie-en-advies", EngagementReason.Stagnatie, RequestStatus.Afgerond, day.AddDays(3), 90, 26 * 60),
            Request("Pekela", RequestKind.Nazorg, null, EngagementReason.Complexiteit, RequestStatus.Opgepakt, day.AddDays(5), 60, null),
            Request("Pekela", RequestKind.WeetIkNiet, null, EngagementReason.Anders, RequestStatus.Nieuw, day.AddDays(6), null, null),
            Request("Veendam", RequestKind.SpecialistischCasemanagement, null, EngagementReason.ObjectiefOordeel, RequestStatus.Ingetrokken,
                new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero), null, 45),
            Request("Groningen", RequestKind.Nazorg, null, EngagementReason.Complexiteit, RequestStatus.Nieuw,
                new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero), null, null),
        ];
        foreach (var request in requests)
        {
            var created = new RequestEvent(request.Id, request.CreatedAt, request.Owner.Id, RequestRole.Casemanager, "submit", null, RequestStatus.Nieuw);
            await store.SubmitAsync(request, created, [], default);
        }

        return database;
    }

    private static StoredRequest Request(string municipality, RequestKind kind, string? routeId, EngagementReason reason, RequestStatus status,
        DateTimeOffset created, int? pickUpMinutes, int? closeMinutes) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        IdempotencyKey = Guid.NewGuid().ToString("N"),
        Owner = new RequestOwner("aad-cm", OwnerName, "msteams", "a:personal", "nl-NL"),
        Form = new RequestForm
        {
            Municipality = municipality,
            Kind = kind,
            CaseReference = CaseReference,
            Situation = Situation,
            Safety = SafetyConcern.Some,
            DesiredContribution = "Bijdrage van de GI",
            ParentsInformed = ParentsInformed.Yes,
            Reason = reason,
            Contact = ContactPreference.TeamsChat,
            RouteId = routeId,
        },
        Status = status,
        PickedUpBy = pickUpMinutes is null ? null : "GI Expert",
        PickedUpAt = pickUpMinutes is { } p ? created.AddMinutes(p) : null,
        ClosedAt = closeMinutes is { } c ? created.AddMinutes(c) : null,
        Outcome = status == RequestStatus.Afgerond ? Advice : null,
        CreatedAt = created,
        UpdatedAt = created,
        Version = 1,
    };
}
