using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Loading;

public sealed class KnowledgeLoaderTests
{
    private const string ValidFile = """
        {
          "schemaVersion": 1,
          "organisations": [ { "id": "gi-a", "name": "GI A", "type": "gi", "municipalities": ["*"] } ],
          "topics": [ { "id": "lvb", "label": "LVB", "synonyms": ["lvb"] } ],
          "experts": [
            { "id": "e-1", "name": "Een", "organisation": "gi-a", "role": "jeugdbeschermer",
              "expertise": ["lvb"], "municipalities": ["*"], "available": ["ma"] }
          ]
        }
        """;

    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);

    /// <summary>The valid file with one change made by <paramref name="edit"/>.</summary>
    private static string Edited(Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(ValidFile)!.AsObject();
        edit(root);
        return root.ToJsonString();
    }

    private static JsonObject Expert(JsonObject root, int i = 0) => root["experts"]![i]!.AsObject();

    [Fact]
    public void LoadShipped_ShippedFiles_LoadWithEveryRoute()
    {
        var knowledge = KnowledgeLoader.LoadShipped();

        Assert.Equal(
            ["aansluiten-en-ondersteunen", "acuut", "informatie-en-advies", "nazorg", "raadsonderzoek", "samenwerking-tijdens-maatregel", "specialistisch-casemanagement", "veilig-thuis"],
            knowledge.Routes.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.NotEmpty(knowledge.Experts);
        Assert.NotEmpty(knowledge.FollowUps);
        Assert.All(knowledge.Routes, r => Assert.NotEmpty(r.Sources));
        Assert.Matches("^[0-9a-f]{12}$", knowledge.Version);
        Assert.Empty(KnowledgeLoader.Validate(KnowledgeSource.Shipped));
    }

    [Fact]
    public void Load_RoutesWithFixturePool_LoadsAndAnswers()
    {
        var knowledge = KnowledgeLoader.Load([KnowledgeSource.Shipped[0], KnowledgeSource.FromFile(FixturePath("expertpool.fixture.json"))]);

        Assert.Equal(8, knowledge.Experts.Count);
        Assert.Equal("Groningen (test fixture, equivalent of the development pool)", knowledge.Region);
        var answer = new Answerer(knowledge).Ask(new Question("Wie kan ik raadplegen over een conflictueuze scheiding in Stadskanaal?", TestKnowledge.Monday));
        Assert.Equal("t-01", answer.Experts.Recommended[0].Expert.Id);
    }

    [Fact]
    public void Load_SharedDevelopmentPoolWhenPresent_LoadsUnchanged()
    {
        // The development evaluation's pool lives outside the repository; the fixture above stands in when it is absent.
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        string? path = null;
        for (; dir is not null && path is null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "eval", "expertpool.dev.json");
            path = File.Exists(candidate) ? candidate : null;
        }

        if (path is null)
        {
            return;
        }

        var knowledge = KnowledgeLoader.Load([KnowledgeSource.Shipped[0], KnowledgeSource.FromFile(path)]);
        Assert.NotEmpty(knowledge.Experts);
    }

    [Fact]
    public void Load_SameIdInLaterFile_ReplacesEarlierInPlace()
    {
        var first = new KnowledgeSource("first.json", Edited(root => Expert(root).Add("acceptsRequests", true)));
        var second = new KnowledgeSource("second.json", """
            {
              "schemaVersion": 1,
              "organisations": [ { "id": "gi-a", "name": "GI A (nieuw)", "type": "gi", "municipalities": ["Oldambt"] },
                                 { "id": "gi-b", "name": "GI B", "type": "gi", "municipalities": ["*"] } ],
              "experts": [
                { "id": "e-2", "name": "Twee", "organisation": "gi-b", "role": "gezinsvoogd", "expertise": ["lvb"], "municipalities": ["*"], "available": ["di"] },
                { "id": "e-1", "name": "Een (later)", "organisation": "gi-b", "role": "gezinsvoogd", "expertise": [], "municipalities": ["*"], "available": ["vr"], "acceptsRequests": false }
              ]
            }
            """);

        var knowledge = KnowledgeLoader.Load([first, second]);

        Assert.Equal(["e-1", "e-2"], knowledge.Experts.Select(e => e.Id));
        Assert.Equal("Een (later)", knowledge.Experts[0].Name);
        Assert.False(knowledge.Experts[0].AcceptsRequests);
        Assert.Equal(["vr"], knowledge.Experts[0].Available);
        Assert.Equal("GI A (nieuw)", knowledge.OrganisationsById["gi-a"].Name);
        Assert.Equal(2, knowledge.Organisations.Count);
    }

    [Fact]
    public void Load_ReferenceToItemInEarlierFile_Resolves()
    {
        var pool = new KnowledgeSource("pool.json", """
            { "schemaVersion": 1,
              "experts": [ { "id": "e-9", "name": "Negen", "organisation": "gi-a", "role": "x", "expertise": ["lvb"], "municipalities": ["*"], "available": [] } ] }
            """);

        var knowledge = KnowledgeLoader.Load([new KnowledgeSource("base.json", ValidFile), pool]);

        Assert.Equal(2, knowledge.Experts.Count);
    }

    [Fact]
    public void Load_DifferentContent_DifferentVersion()
    {
        var a = KnowledgeLoader.Load([new KnowledgeSource("a.json", ValidFile)]);
        var b = KnowledgeLoader.Load([new KnowledgeSource("a.json", Edited(root => Expert(root)["name"] = "Anders"))]);

        Assert.NotEqual(a.Version, b.Version);
        Assert.Equal(a.Version, KnowledgeLoader.Load([new KnowledgeSource("a.json", ValidFile)]).Version);
    }

    public static TheoryData<string, string, string, string> InvalidFiles => new()
    {
        { "invalid JSON", """{ "schemaVersion": 1, "experts": [ }""", "$", "not valid JSON" },
        { "wrong schemaVersion", Edited(root => root["schemaVersion"] = 2), "$.schemaVersion", "not one of the allowed values" },
        { "unknown organisation", Edited(root => Expert(root)["organisation"] = "gi-x"), "$.experts[0].organisation", "organisation 'gi-x' is not defined" },
        { "unknown topic", Edited(root => Expert(root)["expertise"] = new JsonArray("lvb", "onbekend")), "$.experts[0].expertise[1]", "topic 'onbekend' is not defined" },
        { "duplicate id", Edited(root => root["experts"]!.AsArray().Add(Expert(root).DeepClone())), "$.experts[1].id", "'e-1' appears twice in this file" },
        { "not an object", "[1, 2]", "$", "must hold one JSON object" },
    };

    [Theory]
    [MemberData(nameof(InvalidFiles))]
    public void Load_InvalidFile_ThrowsNamingFilePathAndProblem(string problem, string json, string path, string message)
    {
        var sources = new[] { KnowledgeSource.Shipped[0], new KnowledgeSource("pool.broken.json", json) };

        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load(sources));

        Assert.Contains(error.Errors, e => e.File == "pool.broken.json" && e.Path == path && e.Problem.Contains(message, StringComparison.Ordinal));
        Assert.All(error.Errors, e => Assert.Equal("pool.broken.json", e.File));
        Assert.Contains("pool.broken.json: " + path, error.Message);
        Assert.NotEmpty(problem);
    }

    public static TheoryData<string, string, string> SchemaViolationsInItems => new()
    {
        { "missing required field", Edited(root => Expert(root).Remove("role")), "$.experts[0]" },
        { "unknown property", Edited(root => Expert(root).Add("telefoon", "06")), "$.experts[0]" },
        { "bad weekday", Edited(root => Expert(root)["available"] = new JsonArray("maandag")), "$.experts[0]" },
        { "bad organisation type", Edited(root => root["organisations"]![0]!["type"] = "ziekenhuis"), "$.organisations[0]" },
        { "bad e-mail", Edited(root => Expert(root)["contact"] = new JsonObject { ["email"] = "geen-adres" }), "$.experts[0]" },
    };

    /// <summary>
    /// Schema violations inside a list item are located at the item. (The loader reports them as "ArrayItemNotValid"
    /// for now, without the inner property or problem: reported to the lead, not asserted here.)
    /// </summary>
    [Theory]
    [MemberData(nameof(SchemaViolationsInItems))]
    public void Load_SchemaViolationInListItem_ThrowsNamingFileAndItem(string problem, string json, string itemPath)
    {
        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load([new KnowledgeSource("pool.broken.json", json)]));

        Assert.Contains(error.Errors, e => e.File == "pool.broken.json" && e.Path.StartsWith(itemPath, StringComparison.Ordinal));
        Assert.NotEmpty(problem);
    }

    [Fact]
    public void Load_ValidThenInvalidFile_NothingLoaded()
    {
        var valid = new KnowledgeSource("good.json", ValidFile);
        var invalid = new KnowledgeSource("bad.json", Edited(root => Expert(root)["organisation"] = "gi-x"));

        Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load([valid, invalid]));
        Assert.NotEmpty(KnowledgeLoader.Validate([valid, invalid]));
        Assert.Empty(KnowledgeLoader.Validate([valid]));
    }

    [Fact]
    public void Load_ProblemsInSeveralFiles_ReportsEach()
    {
        var error = Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load([
            new KnowledgeSource("one.json", Edited(root => root["schemaVersion"] = 3)),
            new KnowledgeSource("two.json", Edited(root => Expert(root).Add("extra", 1))),
        ]));

        Assert.Equal(["one.json", "two.json"], error.Errors.Select(e => e.File).Distinct());
        Assert.Contains("(2 problems)", error.Message);
    }

    [Fact]
    public void Load_NoFiles_Throws()
    {
        Assert.Throws<KnowledgeLoadException>(() => KnowledgeLoader.Load([]));
    }
}
