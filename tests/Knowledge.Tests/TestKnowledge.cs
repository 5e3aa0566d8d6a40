using System.Text.Json;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests;

/// <summary>Fixed dates and the shipped knowledge, loaded once: it is immutable, so parallel tests can share it.</summary>
internal static class TestKnowledge
{
    /// <summary>Monday 23 November 2026.</summary>
    public static readonly DateOnly Monday = new(2026, 11, 23);

    private static readonly Lazy<Answerer> ShippedAnswerer = new(() => new Answerer(KnowledgeLoader.LoadShipped()));

    public static Answerer Shipped => ShippedAnswerer.Value;

    public static Answer Ask(string text, DateOnly? today = null, Lang? locale = null) =>
        Shipped.Ask(new Question(text, today ?? Monday, locale));

    /// <summary>The shipped routes (signals, topics, intents) plus an inline expert pool.</summary>
    public static Answerer WithPool(string poolJson) =>
        new(KnowledgeLoader.Load([KnowledgeSource.Shipped[0], new KnowledgeSource("pool.json", poolJson)]));

    public static KnowledgeSource Source(string name, object content) => new(name, Json(content));

    public static string Json(object content) => JsonSerializer.Serialize(content, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>One expert of an inline pool; serialises to the knowledge schema's expert object.</summary>
public sealed record ExpertSpec(
    string Id,
    string Name,
    string[] Expertise,
    string[] Municipalities,
    string[] Available,
    bool AcceptsRequests = true,
    string Organisation = "gi-test",
    string Role = "jeugdbeschermer",
    string[]? Languages = null)
{
    public object ToJson() => new
    {
        id = Id,
        name = Name,
        organisation = Organisation,
        role = Role,
        expertise = Expertise,
        municipalities = Municipalities,
        languages = Languages ?? ["nl"],
        available = Available,
        contact = new { email = $"{Id}@pool.example" },
        acceptsRequests = AcceptsRequests,
    };
}

internal static class Pool
{
    public static readonly object[] Organisations =
    [
        new { id = "gi-test", name = "GI Test", type = "gi", municipalities = new[] { "*" }, contact = new { phone = "050-1111111" } },
        new { id = "vt-test", name = "Veilig Thuis Test", type = "veilig-thuis", municipalities = new[] { "*" }, contact = new { phone = "0800-2000" } },
        new { id = "team-oldambt", name = "Team Oldambt", type = "lokaal-team", municipalities = new[] { "Oldambt" } },
    ];

    /// <summary>A pool without topics of its own: it uses the shipped topic ids.</summary>
    public static string Json(params ExpertSpec[] experts) => TestKnowledge.Json(new
    {
        schemaVersion = 1,
        organisations = Organisations,
        experts = experts.Select(e => e.ToJson()).ToArray(),
    });

    /// <summary>A self-contained file (own topics) for ranking without the shipped routes.</summary>
    public static string StandaloneJson(params ExpertSpec[] experts) => TestKnowledge.Json(new
    {
        schemaVersion = 1,
        organisations = Organisations,
        topics = new object[]
        {
            new { id = "vechtscheiding", label = "Vechtscheiding", synonyms = new[] { "vechtscheiding", "high-conflict divorce" } },
            new { id = "lvb", label = "Licht verstandelijke beperking", synonyms = new[] { "lvb" } },
            new { id = "nazorg", label = "Nazorg", synonyms = new[] { "nazorg", "aftercare" } },
        },
        municipalities = new object[] { new { name = "Oldambt", aliases = new[] { "Winschoten" } }, new { name = "Veendam" } },
        experts = experts.Select(e => e.ToJson()).ToArray(),
    });
}
