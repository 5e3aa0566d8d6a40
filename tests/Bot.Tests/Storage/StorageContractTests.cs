using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Storage;
using Xunit.Abstractions;

namespace ExpertBot.Bot.Tests.Storage;

public sealed class SqliteStorageContractTests : StorageContractTests
{
    internal override Task<StorageTestDatabase?> CreateDatabaseAsync() =>
        Task.FromResult<StorageTestDatabase?>(new SqliteTestDatabase());
}

public sealed class PostgresStorageContractTests(ITestOutputHelper output) : StorageContractTests
{
    internal override async Task<StorageTestDatabase?> CreateDatabaseAsync() => await PostgresTestDatabase.CreateAsync(output);
}

/// <summary>The behaviour every provider must show; each provider runs all of it against a real database.</summary>
public abstract class StorageContractTests
{
    private const string Channel = "msteams";

    internal abstract Task<StorageTestDatabase?> CreateDatabaseAsync();

    private async Task WithStorageAsync(Func<StorageHarness, Task> test, bool migrate = true)
    {
        await using var database = await CreateDatabaseAsync();
        if (database is null)
        {
            return;
        }

        var harness = new StorageHarness(database);
        if (migrate)
        {
            await harness.MigrateAsync();
        }

        await test(harness);
    }

    private static ConversationReference Personal(string conversationId, string userId = "29:user-a", string aadObjectId = "aad-a") => new()
    {
        ChannelId = Channel,
        ServiceUrl = "https://smba.trafficmanager.net/emea/",
        ConversationId = conversationId,
        ConversationType = "personal",
        TenantId = "tenant-1",
        BotId = "28:bot",
        BotName = "ExpertBot",
        UserId = userId,
        UserAadObjectId = aadObjectId,
        Locale = "nl-NL",
        ActivityId = "activity-1",
    };

    private static ConversationReference Channel1(string conversationId) => Personal(conversationId) with
    {
        ConversationType = "channel",
        TeamId = "19:team",
        TeamsChannelId = "19:channel",
    };

    // Conversation references

    [Fact]
    public Task References_UpsertNew_GetReturnsEveryFieldActive() => WithStorageAsync(async s =>
    {
        var reference = Channel1("19:channel;messageid=1");

        await s.Main.References.UpsertAsync(reference, default);
        var stored = await s.Main.References.GetAsync(Channel, reference.ConversationId, default);

        Assert.NotNull(stored);
        Assert.Equal(reference, stored.Reference);
        Assert.Equal(ReferenceStatus.Active, stored.Status);
        Assert.Equal(StorageHarness.Start, stored.UpdatedAt);
    });

    [Fact]
    public Task References_GetUnknown_ReturnsNull() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);

        Assert.Null(await s.Main.References.GetAsync(Channel, "a:2", default));
        Assert.Null(await s.Main.References.GetAsync("webchat", "a:1", default));
    });

    [Fact]
    public Task References_UpsertAgainLater_RefreshesUpdatedAtInPlace() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);
        s.Time.Advance(TimeSpan.FromMinutes(5));

        await s.Main.References.UpsertAsync(Personal("a:1") with { ActivityId = "activity-2" }, default);
        var stored = await s.Main.References.GetAsync(Channel, "a:1", default);

        Assert.Equal(StorageHarness.Start.AddMinutes(5), stored!.UpdatedAt);
        Assert.Equal("activity-2", stored.Reference.ActivityId);
        Assert.Equal(1, await s.Main.ScalarAsync("SELECT COUNT(*) FROM conversation_references"));
    });

    [Fact]
    public Task References_SameReferenceAgainWithinTheRefreshInterval_NotRewritten() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);
        s.Time.Advance(TimeSpan.FromSeconds(20));

        await s.Main.References.UpsertAsync(Personal("a:1") with { ActivityId = "activity-2" }, default);
        var stored = await s.Main.References.GetAsync(Channel, "a:1", default);

        Assert.Equal(StorageHarness.Start, stored!.UpdatedAt);
        Assert.NotEqual("activity-2", stored.Reference.ActivityId);
    });

    [Fact]
    public Task References_ChangedWithinTheRefreshInterval_WrittenAtOnce() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);
        s.Time.Advance(TimeSpan.FromSeconds(20));

        await s.Main.References.UpsertAsync(Personal("a:1") with { Locale = "en-US" }, default);
        var stored = await s.Main.References.GetAsync(Channel, "a:1", default);

        Assert.Equal("en-US", stored!.Reference.Locale);
        Assert.Equal(StorageHarness.Start.AddSeconds(20), stored.UpdatedAt);
    });

    [Fact]
    public Task References_MarkedUnreachableThenAnActivity_ActiveAgainAtOnce() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);
        await s.Main.References.SetStatusAsync(Channel, "a:1", ReferenceStatus.Unreachable, default);

        await s.Main.References.UpsertAsync(Personal("a:1"), default);

        Assert.Equal(ReferenceStatus.Active, (await s.Main.References.GetAsync(Channel, "a:1", default))!.Status);
    });

    [Fact]
    public Task References_UpsertWithChangedServiceUrl_ReplacesServiceUrl() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);

        await s.Main.References.UpsertAsync(Personal("a:1") with { ServiceUrl = "https://smba.trafficmanager.net/nl/" }, default);

        var stored = await s.Main.References.GetAsync(Channel, "a:1", default);
        Assert.Equal("https://smba.trafficmanager.net/nl/", stored!.Reference.ServiceUrl);
    });

    [Fact]
    public Task References_UpsertWithoutOptionalFields_KeepsStoredValues() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);

        await s.Main.References.UpsertAsync(new ConversationReference
        {
            ChannelId = Channel,
            ServiceUrl = "https://smba.trafficmanager.net/emea/",
            ConversationId = "a:1",
            BotId = "28:bot",
        }, default);

        var stored = await s.Main.References.GetAsync(Channel, "a:1", default);
        Assert.Equal(Personal("a:1"), stored!.Reference);
    });

    [Theory]
    [InlineData(nameof(ReferenceStatus.Unreachable))]
    [InlineData(nameof(ReferenceStatus.Revoked))]
    public Task References_SetStatus_ChangesStatusAndUpdatedAt(string statusName) => WithStorageAsync(async s =>
    {
        var status = Enum.Parse<ReferenceStatus>(statusName);
        await s.Main.References.UpsertAsync(Personal("a:1"), default);
        s.Time.Advance(TimeSpan.FromHours(1));

        await s.Main.References.SetStatusAsync(Channel, "a:1", status, default);

        var stored = await s.Main.References.GetAsync(Channel, "a:1", default);
        Assert.Equal(status, stored!.Status);
        Assert.Equal(StorageHarness.Start.AddHours(1), stored.UpdatedAt);
    });

    [Fact]
    public Task References_UpsertAfterRevoked_ReactivatesReference() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:1"), default);
        await s.Main.References.SetStatusAsync(Channel, "a:1", ReferenceStatus.Revoked, default);

        await s.Main.References.UpsertAsync(Personal("a:1"), default);

        Assert.Equal(ReferenceStatus.Active, (await s.Main.References.GetAsync(Channel, "a:1", default))!.Status);
    });

    [Fact]
    public Task References_SetStatusOfUnknownConversation_StoresNothing() => WithStorageAsync(async s =>
    {
        await s.Main.References.SetStatusAsync(Channel, "a:missing", ReferenceStatus.Unreachable, default);

        Assert.Null(await s.Main.References.GetAsync(Channel, "a:missing", default));
    });

    [Fact]
    public Task References_FindPersonalByUserIdOrAadObjectId_ReturnsPersonalChat() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Channel1("19:channel"), default);
        await s.Main.References.UpsertAsync(Personal("a:1"), default);

        var byUserId = await s.Main.References.FindPersonalAsync(Channel, "29:user-a", default);
        var byAadObjectId = await s.Main.References.FindPersonalAsync(Channel, "aad-a", default);

        Assert.Equal("a:1", byUserId?.Reference.ConversationId);
        Assert.Equal("a:1", byAadObjectId?.Reference.ConversationId);
    });

    [Fact]
    public Task References_FindPersonalWithoutPersonalChat_ReturnsNull() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Channel1("19:channel"), default);
        await s.Main.References.UpsertAsync(Personal("a:2", "29:user-b", "aad-b"), default);

        Assert.Null(await s.Main.References.FindPersonalAsync(Channel, "29:user-a", default));
        Assert.Null(await s.Main.References.FindPersonalAsync("webchat", "29:user-b", default));
    });

    [Fact]
    public Task References_FindPersonalWithSeveralChats_PrefersMostRecentActive() => WithStorageAsync(async s =>
    {
        await s.Main.References.UpsertAsync(Personal("a:old"), default);
        s.Time.Advance(TimeSpan.FromDays(1));
        await s.Main.References.UpsertAsync(Personal("a:new"), default);

        Assert.Equal("a:new", (await s.Main.References.FindPersonalAsync(Channel, "aad-a", default))?.Reference.ConversationId);

        s.Time.Advance(TimeSpan.FromDays(1));
        await s.Main.References.SetStatusAsync(Channel, "a:new", ReferenceStatus.Unreachable, default);
        Assert.Equal("a:old", (await s.Main.References.FindPersonalAsync(Channel, "aad-a", default))?.Reference.ConversationId);

        s.Time.Advance(TimeSpan.FromMinutes(1));
        await s.Main.References.SetStatusAsync(Channel, "a:old", ReferenceStatus.Revoked, default);
        var fallback = await s.Main.References.FindPersonalAsync(Channel, "aad-a", default);
        Assert.Equal(("a:old", ReferenceStatus.Revoked), (fallback?.Reference.ConversationId, fallback?.Status));
    });

    // Activity deduplication

    [Fact]
    public Task Dedup_SamePairTwice_FirstTrueThenFalse() => WithStorageAsync(async s =>
    {
        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
        Assert.False(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-2", default));
        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:2", "act-1", default));
    });

    [Fact]
    public Task Dedup_Forgotten_IsHandledAgainOnce() => WithStorageAsync(async s =>
    {
        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
        await s.Main.Deduplicator.ForgetAsync("a:1", "act-1", default);

        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
        Assert.False(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
    });

    [Fact]
    public Task Dedup_HundredParallelCallers_ExactlyOneTrue() => WithStorageAsync(async s =>
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(_ => Task.Run(() => s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default))));

        Assert.Single(results, r => r);
    });

    [Fact]
    public Task Dedup_HundredParallelCallersOnTwoInstances_ExactlyOneTrue() => WithStorageAsync(async s =>
    {
        var second = s.OpenInstance();

        var results = await Task.WhenAll(Enumerable.Range(0, 100)
            .Select(i => Task.Run(() => (i % 2 == 0 ? s.Main : second).Deduplicator.TryBeginAsync("a:1", "act-1", default))));

        Assert.Single(results, r => r);
    });

    [Fact]
    public Task Dedup_RedeliveryAfterRetention_ReturnsTrueOnce() => WithStorageAsync(async s =>
    {
        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
        s.Time.Advance(s.Options.DedupRetention - TimeSpan.FromSeconds(1));
        Assert.False(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));

        s.Time.Advance(TimeSpan.FromSeconds(2));

        Assert.True(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
        Assert.False(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
    });

    [Fact]
    public Task Dedup_PurgeExpired_DeletesOnlyEntriesOlderThanRetention() => WithStorageAsync(async s =>
    {
        await s.Main.Deduplicator.TryBeginAsync("a:1", "old", default);
        s.Time.Advance(TimeSpan.FromHours(12));
        await s.Main.Deduplicator.TryBeginAsync("a:1", "recent", default);
        s.Time.Advance(TimeSpan.FromHours(13));

        var purged = await s.Main.Deduplicator.PurgeExpiredAsync(s.Time.GetUtcNow(), default);

        Assert.Equal(1, purged);
        Assert.Equal(1, await s.Main.ScalarAsync("SELECT COUNT(*) FROM processed_activities"));
        Assert.False(await s.Main.Deduplicator.TryBeginAsync("a:1", "recent", default));
    });

    // Conversation state

    [Fact]
    public Task State_SetThenGet_ReturnsJsonUnchanged() => WithStorageAsync(async s =>
    {
        const string Json = """{ "pending": "vraag",  "emoji": "👍", "n": 1.50 }""";

        await s.Main.State.SetAsync("conv:a:1", Json, default);

        Assert.Equal(Json, await s.Main.State.GetAsync("conv:a:1", default));
        Assert.Null(await s.Main.State.GetAsync("conv:a:2", default));
    });

    [Fact]
    public Task State_SetTwice_LastWriteWins() => WithStorageAsync(async s =>
    {
        await s.Main.State.SetAsync("k", """{"v":1}""", default);
        await s.Main.State.SetAsync("k", """{"v":2}""", default);

        Assert.Equal("""{"v":2}""", await s.Main.State.GetAsync("k", default));
    });

    [Fact]
    public Task State_Delete_RemovesOnlyThatKey() => WithStorageAsync(async s =>
    {
        await s.Main.State.SetAsync("k1", "{}", default);
        await s.Main.State.SetAsync("k2", "[]", default);

        await s.Main.State.DeleteAsync("k1", default);
        await s.Main.State.DeleteAsync("missing", default);

        Assert.Null(await s.Main.State.GetAsync("k1", default));
        Assert.Equal("[]", await s.Main.State.GetAsync("k2", default));
    });

    [Fact]
    public Task State_OlderThanRetention_IsGoneAndPurged() => WithStorageAsync(async s =>
    {
        await s.Main.State.SetAsync("old", "{}", default);
        s.Time.Advance(TimeSpan.FromDays(20));
        await s.Main.State.SetAsync("recent", "{}", default);
        s.Time.Advance(TimeSpan.FromDays(11));

        Assert.Null(await s.Main.State.GetAsync("old", default));
        Assert.Equal("{}", await s.Main.State.GetAsync("recent", default));

        Assert.Equal(1, await s.Main.State.PurgeExpiredAsync(s.Time.GetUtcNow(), default));
        Assert.Equal(1, await s.Main.ScalarAsync("SELECT COUNT(*) FROM conversation_state"));
    });

    // Feedback

    [Fact]
    public Task Feedback_ListByRange_ReturnsHalfOpenRangeOldestFirst() => WithStorageAsync(async s =>
    {
        var t = StorageHarness.Start;
        FeedbackRecord[] records =
        [
            new("answer-3", -1, "route", "route-7", "groupChat", t.AddHours(2)),
            new("answer-0", 1, "route", "route-1", "personal", t.AddHours(-1)),
            new("answer-1", 1, "smalltalk", null, null, t),
            new("answer-2", -1, "route", "route-2", "personal", t.AddHours(1).AddTicks(10)),
            new("answer-4", 1, "route", "route-2", "personal", t.AddHours(3)),
        ];
        foreach (var record in records)
        {
            await s.Main.Feedback.AddAsync(record, default);
        }

        var listed = await s.Main.Feedback.ListAsync(t, t.AddHours(3), default);

        Assert.Equal(["answer-1", "answer-2", "answer-3"], listed.Select(r => r.AnswerId));
        Assert.Equal(records[2], listed[0]);
        Assert.Equal(records[3], listed[1]);
        Assert.Equal(records[0], listed[2]);
    });

    [Fact]
    public Task Feedback_TimesWithOffset_ComparedAsInstants() => WithStorageAsync(async s =>
    {
        var amsterdam = new DateTimeOffset(2025, 3, 3, 10, 30, 0, TimeSpan.FromHours(1));
        await s.Main.Feedback.AddAsync(new("a", 1, "route", null, "personal", amsterdam), default);

        var listed = await s.Main.Feedback.ListAsync(StorageHarness.Start, StorageHarness.Start.AddHours(1), default);

        Assert.Equal(amsterdam, Assert.Single(listed).At);
    });

    // Migrations

    [Fact]
    public Task Migrate_FreshDatabase_AppliesEveryVersionInOrder() => WithStorageAsync(async s =>
    {
        var instance = s.OpenInstance();

        var result = await instance.Migrator.MigrateAsync(default);

        var versions = s.TestDatabase.Migrations.Select(m => m.Version).ToArray();
        Assert.Equal(versions, result.Applied);
        Assert.Equal(versions[^1], result.CurrentVersion);
        Assert.Equal(versions.Length, await instance.ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
    }, migrate: false);

    [Fact]
    public Task Migrate_RunAgainFromAnotherInstance_AppliesNothing() => WithStorageAsync(async s =>
    {
        await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default);

        var again = await s.Main.Migrator.MigrateAsync(default);
        var other = await s.OpenInstance().Migrator.MigrateAsync(default);

        Assert.Empty(again.Applied);
        Assert.Empty(other.Applied);
        Assert.Equal(s.TestDatabase.Migrations.Count, other.CurrentVersion);
        Assert.False(await s.Main.Deduplicator.TryBeginAsync("a:1", "act-1", default));
    });

    [Fact]
    public Task Migrate_ConcurrentInstances_ApplyEachVersionOnce() => WithStorageAsync(async s =>
    {
        var instances = Enumerable.Range(0, 4).Select(_ => s.OpenInstance()).ToArray();

        var results = await Task.WhenAll(instances.Select(i => Task.Run(() => i.Migrator.MigrateAsync(default))));

        Assert.Equal(s.TestDatabase.Migrations.Select(m => m.Version), results.SelectMany(r => r.Applied).Order());
        Assert.All(results, r => Assert.Equal(s.TestDatabase.Migrations.Count, r.CurrentVersion));
        Assert.Equal(s.TestDatabase.Migrations.Count, await instances[0].ScalarAsync("SELECT COUNT(*) FROM schema_migrations"));
    }, migrate: false);

    [Fact]
    public Task Migrate_FailingMigration_RollsBackThatVersionOnly() => WithStorageAsync(async s =>
    {
        Migration[] good = [new(1, "one", "CREATE TABLE one (id INTEGER);")];
        Migration[] broken = [.. good, new(2, "two", "CREATE TABLE two (id INTEGER); INSERT INTO one (no_such_column) VALUES (1);")];
        Migration[] fixedUp = [.. good, new(2, "two", "CREATE TABLE two (id INTEGER);")];
        await s.OpenInstance(good).Migrator.MigrateAsync(default);

        var failing = s.OpenInstance(broken);
        await Assert.ThrowsAnyAsync<Exception>(() => failing.Migrator.MigrateAsync(default));

        Assert.Equal(1, await failing.ScalarAsync("SELECT MAX(version) FROM schema_migrations"));
        await Assert.ThrowsAnyAsync<Exception>(() => failing.ScalarAsync("SELECT COUNT(*) FROM two"));
        var result = await s.OpenInstance(fixedUp).Migrator.MigrateAsync(default);
        Assert.Equal([2], result.Applied);
        Assert.Equal(0, await failing.ScalarAsync("SELECT COUNT(*) FROM two"));
    }, migrate: false);

    [Fact]
    public Task Migrate_DatabaseNewerThanBuild_KeepsWorking() => WithStorageAsync(async s =>
    {
        Migration[] newer = [.. s.TestDatabase.Migrations, new(s.TestDatabase.Migrations.Count + 1, "future", "CREATE TABLE future_feature (id INTEGER);")];
        await s.OpenInstance(newer).Migrator.MigrateAsync(default);

        var result = await s.Main.Migrator.MigrateAsync(default);

        Assert.Empty(result.Applied);
        Assert.Equal(newer.Length, result.CurrentVersion);
    });
}
