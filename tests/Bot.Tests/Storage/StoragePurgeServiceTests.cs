using System.Threading.Channels;
using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace ExpertBot.Bot.Tests.Storage;

public sealed class StoragePurgeServiceTests
{
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Run_StartAndEachInterval_PurgesEveryStoreWithCurrentTime()
    {
        var time = new FakeTimeProvider(StorageHarness.Start);
        var first = new RecordingStore();
        var second = new RecordingStore();
        using var service = new StoragePurgeService([first, second], time, Options.Create(new StorageOptions()), NullLogger<StoragePurgeService>.Instance);

        await service.StartAsync(default);
        Assert.Equal(StorageHarness.Start, await first.NextAsync());
        Assert.Equal(StorageHarness.Start, await second.NextAsync());

        time.Advance(TimeSpan.FromHours(1));
        Assert.Equal(StorageHarness.Start.AddHours(1), await first.NextAsync());
        Assert.Equal(StorageHarness.Start.AddHours(1), await second.NextAsync());

        await service.StopAsync(default);
    }

    [Fact]
    public async Task PurgeOnce_StoreUnavailable_StillPurgesTheOthers()
    {
        var time = new FakeTimeProvider(StorageHarness.Start);
        var healthy = new RecordingStore();
        using var service = new StoragePurgeService(
            [new RecordingStore(new StorageUnavailableException("disk full")), healthy],
            time, Options.Create(new StorageOptions()), NullLogger<StoragePurgeService>.Instance);

        await service.PurgeOnceAsync(default);

        Assert.Equal(StorageHarness.Start, await healthy.NextAsync());
    }

    private sealed class RecordingStore(Exception? failure = null) : IExpiringStore
    {
        private readonly Channel<DateTimeOffset> _calls = Channel.CreateUnbounded<DateTimeOffset>();

        public Task<int> PurgeExpiredAsync(DateTimeOffset now, CancellationToken cancellationToken)
        {
            _calls.Writer.TryWrite(now);
            return failure is null ? Task.FromResult(0) : Task.FromException<int>(failure);
        }

        public async Task<DateTimeOffset> NextAsync()
        {
            using var timeout = new CancellationTokenSource(Ceiling);
            return await _calls.Reader.ReadAsync(timeout.Token);
        }
    }
}
