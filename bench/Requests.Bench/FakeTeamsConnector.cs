using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace ExpertBot.Requests.Bench;

internal sealed record Received(string Method, string Target, string Body, long At);

/// <summary>
/// A Bot Connector on loopback that answers 201 at once and records every call with its arrival time. It also
/// checks Teams' limits on what arrives (7 per second per conversation, 50 per second per tenant: all calls here are
/// one tenant), so the report can show that the bot's pacing kept to them.
/// </summary>
internal sealed class FakeTeamsConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Received> _received = new();
    private int _ids;

    private FakeTeamsConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";
    public IReadOnlyList<Received> Received => [.. _received];

    public static async Task<FakeTeamsConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new FakeTeamsConnector(app);
        app.Map("/v3/{**rest}", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            connector._received.Enqueue(new Received(http.Request.Method, http.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget, body, Stopwatch.GetTimestamp()));
            return Results.Json(new { id = $"activity-{Interlocked.Increment(ref connector._ids)}" }, statusCode: 201);
        });
        await app.StartAsync();
        connector.ServiceUrl = app.Urls.First() + "/";
        return connector;
    }

    /// <summary>The most calls seen in any one-second window: overall, and for the busiest conversation.</summary>
    public (int Tenant, int Conversation) PeakPerSecond()
    {
        var calls = Received.OrderBy(r => r.At).ToList();
        var second = Stopwatch.Frequency;
        static string Conversation(string target) => target.Split('/') is { Length: > 3 } parts ? parts[3] : target;
        return (Peak(calls, second), calls.GroupBy(c => Conversation(c.Target)).Select(g => Peak([.. g], second)).DefaultIfEmpty(0).Max());
    }

    private static int Peak(List<Received> ordered, long window)
    {
        var peak = 0;
        var start = 0;
        for (var end = 0; end < ordered.Count; end++)
        {
            while (ordered[end].At - ordered[start].At >= window)
            {
                start++;
            }

            peak = Math.Max(peak, end - start + 1);
        }

        return peak;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
