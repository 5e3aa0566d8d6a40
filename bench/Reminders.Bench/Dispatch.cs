using System.Diagnostics;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Reminders;
using ExpertBot.Bot.Storage;
using ExpertBot.Knowledge.Reminders;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExpertBot.Reminders.Bench;

/// <summary>
/// Dispatch overhead per nudge: N reminders due now, each for its own user (spread over 100 tenants so Teams' per-
/// tenant pacing never waits), sent by the real scheduler (claim, lease, card, ConnectorClient, mark sent) to a fake
/// Bot Connector on loopback that answers 201 at once.
/// </summary>
internal static class Dispatch
{
    public static async Task RunAsync(int count)
    {
        var connectorBuilder = WebApplication.CreateBuilder();
        connectorBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        connectorBuilder.Logging.ClearProviders();
        await using var connector = connectorBuilder.Build();
        var received = 0;
        connector.MapPost("/v3/conversations/{id}/activities", () =>
        {
            Interlocked.Increment(ref received);
            return Results.Json(new { id = Guid.NewGuid().ToString("N") }, statusCode: 201);
        });
        await connector.StartAsync();
        var serviceUrl = connector.Urls.First() + "/";

        var dir = Path.Combine(Path.GetTempPath(), "expertbot-dispatch-bench", Guid.NewGuid().ToString("N"));
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Development", Args = [] });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Storage:SqlitePath"] = Path.Combine(dir, "dispatch.db"),
            // Development-only test option: a new reminder's nudge is due at once.
            ["Reminders:TestNudgeDelay"] = "00:00:00",
            ["Reminders:PollInterval"] = "00:01:00",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddBotStorage();
        builder.Services.AddBotProtocol(builder.Configuration);
        builder.Services.AddReminders();
        using var host = builder.Build();
        await host.StartAsync();

        var references = host.Services.GetRequiredService<IConversationReferenceStore>();
        var reminders = host.Services.GetRequiredService<ReminderService>();
        var due = reminders.Today().AddDays(1);
        for (var i = 0; i < count; i++)
        {
            await references.UpsertAsync(new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                ConversationId = $"a:{i}",
                ConversationType = "personal",
                TenantId = $"tenant-{i % 100}",
                BotId = "28:bot",
                UserId = $"29:user-{i}",
                UserAadObjectId = $"aad-{i}",
            }, default);
            await reminders.CreateAsync(new ReminderOwner($"aad-{i}", "msteams", $"a:{i}", "nl-NL"),
                new Schedule(due, Schedule.DefaultTime), $"B-{i}", "evaluatie", default);
        }

        var scheduler = host.Services.GetRequiredService<ReminderScheduler>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        while (Volatile.Read(ref received) < count && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (await scheduler.RunOnceAsync(default) == 0)
            {
                await Task.Delay(20);
            }
        }

        clock.Stop();
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        Console.WriteLine($"dispatch: {received:N0} of {count:N0} nudges delivered in {clock.Elapsed.TotalSeconds:F2} s = "
            + $"{clock.Elapsed.TotalMilliseconds / Math.Max(received, 1):F2} ms per nudge (wall), {cpu.TotalMilliseconds / Math.Max(received, 1):F2} ms CPU per nudge "
            + $"(claim, lease, card, Connector call through retries/pacing, mark sent; fake connector in the same process)");
        await host.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }
}
