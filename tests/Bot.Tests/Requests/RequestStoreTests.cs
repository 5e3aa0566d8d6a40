using ExpertBot.Bot.Requests;
using ExpertBot.Bot.Tests.Storage;
using ExpertBot.Knowledge.Requests;
using Microsoft.Extensions.Time.Testing;
using Xunit.Abstractions;

namespace ExpertBot.Bot.Tests.Requests;

/// <summary>The request store on both providers: idempotent submit under concurrency, optimistic updates, outbox leases.</summary>
public sealed class RequestStoreTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Submit_SameKeyConcurrently_OneRequestOneOutboxRow(string provider)
    {
        await using var database = await OpenAsync(provider);
        if (database is null)
        {
            return;
        }

        var store = await StoreAsync(database);
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() =>
        {
            var request = NewRequest("form-1|aad-cm");
            return store.SubmitAsync(request, Created(request), [(OutboxKinds.Ticket, null)], default);
        })));

        Assert.Equal(1, results.Count(r => r.Created));
        Assert.Single(results.Select(r => r.Request.Id).Distinct());
        Assert.Equal(1, await store.PendingOutboxAsync(default));
        Assert.Single(await store.ListOpenAsync("aad-cm", default));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task TryUpdate_StaleVersion_Refused_AuditKept(string provider)
    {
        await using var database = await OpenAsync(provider);
        if (database is null)
        {
            return;
        }

        var store = await StoreAsync(database);
        var request = NewRequest("form-2|aad-cm");
        await store.SubmitAsync(request, Created(request), [], default);
        var picked = request with { Status = RequestStatus.Opgepakt, Version = 2, PickedUpBy = "GI", PickedUpAt = Now.AddMinutes(5), UpdatedAt = Now.AddMinutes(5) };
        var change = new RequestEvent(request.Id, Now.AddMinutes(5), "aad-gi", RequestRole.Gi, "pick-up", RequestStatus.Nieuw, RequestStatus.Opgepakt);

        Assert.True(await store.TryUpdateAsync(picked, change, [(OutboxKinds.Notify, "{}")], default));
        Assert.False(await store.TryUpdateAsync(picked, change, [], default));

        var stored = await store.GetAsync(request.Id, default);
        Assert.Equal(RequestStatus.Opgepakt, stored!.Status);
        Assert.Equal(request.Form, stored.Form);
        Assert.Equal(["submit", "pick-up"], (await store.ListEventsAsync(request.Id, default)).Select(e => e.Transition));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Claim_LeasedRows_NotClaimedTwiceUntilLeaseExpires(string provider)
    {
        await using var database = await OpenAsync(provider);
        if (database is null)
        {
            return;
        }

        var store = await StoreAsync(database);
        for (var i = 0; i < 5; i++)
        {
            var request = NewRequest($"form-{i}|aad-cm");
            await store.SubmitAsync(request, Created(request), [(OutboxKinds.Ticket, null)], default);
        }

        var first = await store.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 3, default);
        var second = await store.ClaimDueAsync(Now, TimeSpan.FromMinutes(1), 10, default);
        Assert.Equal(3, first.Count);
        Assert.Equal(2, second.Count);
        Assert.Empty(first.Select(i => i.Id).Intersect(second.Select(i => i.Id)));

        await store.RetryLaterAsync(first[0].Id, Now.AddMinutes(10), "no-target", default);
        await store.CompleteAsync(first[1].Id, Now, default);
        var afterLease = await store.ClaimDueAsync(Now.AddMinutes(2), TimeSpan.FromMinutes(1), 10, default);
        Assert.Equal(3, afterLease.Count); // first[2] and both of second: the lease ran out; first[0] waits, first[1] is done
        Assert.Equal(4, await store.PendingOutboxAsync(default));
    }

    private async Task<StorageTestDatabase?> OpenAsync(string provider) =>
        provider == "sqlite" ? new SqliteTestDatabase() : await PostgresTestDatabase.CreateAsync(output);

    private static async Task<SqlRequestStore> StoreAsync(StorageTestDatabase database)
    {
        var instance = database.OpenInstance(new FakeTimeProvider(Now), new ExpertBot.Bot.Storage.StorageOptions());
        await instance.Migrator.MigrateAsync(default);
        return new SqlRequestStore(instance.Database);
    }

    private static StoredRequest NewRequest(string key) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        IdempotencyKey = key,
        Owner = new RequestOwner("aad-cm", "Casemanager", "msteams", "a:personal", "nl-NL"),
        Form = new RequestForm
        {
            Municipality = "Oldambt",
            Kind = RequestKind.Nazorg,
            CaseReference = "WIJ-1",
            Situation = "Situatie",
            Safety = SafetyConcern.Some,
            DesiredContribution = "Bijdrage",
            EvaluationDate = new DateOnly(2026, 12, 1),
            ParentsInformed = ParentsInformed.NotYet,
            Reason = EngagementReason.Complexiteit,
            Contact = ContactPreference.Email,
        },
        Status = RequestStatus.Nieuw,
        CreatedAt = Now,
        UpdatedAt = Now,
        Version = 1,
    };

    private static RequestEvent Created(StoredRequest request) =>
        new(request.Id, request.CreatedAt, request.Owner.Id, RequestRole.Casemanager, "submit", null, RequestStatus.Nieuw);
}
