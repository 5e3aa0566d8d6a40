using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Assist;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class AssistSchemasTests
{
    [Fact]
    public void Understanding_ShippedKnowledge_ListsItsIdsAsEnums()
    {
        var knowledge = TestKnowledge.Shipped.Knowledge;

        var properties = AssistSchemas.Understanding(knowledge)["properties"]!;

        Assert.Equal(knowledge.Signals.Select(s => s.Id), Enum(properties["signalsPresent"]!["items"]));
        Assert.Equal(knowledge.Signals.Select(s => s.Id), Enum(properties["signalsAbsent"]!["items"]));
        Assert.Equal(knowledge.Topics.Select(t => t.Id), Enum(properties["topics"]!["items"]));
        Assert.Equal(knowledge.Municipalities.Select(m => m.Name), Enum(properties["municipality"]!["anyOf"]![0]));
        Assert.Equal("null", properties["municipality"]!["anyOf"]![1]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Understanding_ManyMunicipalities_EnumLeftOutToStayWithinStrictModeLimits()
    {
        var municipalities = Enumerable.Range(0, AssistSchemas.MaxEnumValues).Select(i => new { name = $"Gemeente {i}", aliases = Array.Empty<string>() });
        var knowledge = KnowledgeLoader.Load([KnowledgeSource.Shipped[0], TestKnowledge.Source("extra.json", new { schemaVersion = 1, municipalities })]);

        var schema = AssistSchemas.Understanding(knowledge);

        Assert.Equal("string", schema["properties"]!["municipality"]!["anyOf"]![0]!["type"]!.GetValue<string>());
        Assert.Null(schema["properties"]!["municipality"]!["anyOf"]![0]!["enum"]);
        Assert.NotNull(schema["properties"]!["topics"]!["items"]!["enum"]);
    }

    [Fact]
    public void Schemas_StrictMode_EveryObjectRequiresAllItsPropertiesAndNoOthers()
    {
        foreach (var schema in new[] { AssistSchemas.Understanding(TestKnowledge.Shipped.Knowledge), AssistSchemas.Phrasing() })
        {
            var objects = Objects(schema).Where(o => o["type"]?.GetValue<string>() == "object").ToList();
            Assert.NotEmpty(objects);
            foreach (var obj in objects)
            {
                var names = obj["properties"]!.AsObject().Select(p => p.Key).Order();
                Assert.Equal(names, obj["required"]!.AsArray().Select(n => n!.GetValue<string>()).Order());
                Assert.False(obj["additionalProperties"]!.GetValue<bool>());
            }
        }
    }

    [Fact]
    public void Schemas_ModelOutputOfTheirShape_ParsesBack()
    {
        Assert.Equal(
            ["intent", "acuteDanger", "signalsPresent", "signalsAbsent", "topics", "municipality", "day"],
            AssistSchemas.Understanding(TestKnowledge.Shipped.Knowledge)["required"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.NotNull(ModelReading.TryParse("""{"intent":"who","acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":null}"""));
        Assert.NotNull(PhrasedAnswer.TryParse(new JsonObject { ["text"] = "x", ["expertIds"] = new JsonArray(), ["routeIds"] = new JsonArray() }.ToJsonString()));
    }

    private static IEnumerable<string> Enum(JsonNode? node) => node!["enum"]!.AsArray().Select(n => n!.GetValue<string>());

    private static IEnumerable<JsonObject> Objects(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                yield return obj;
                foreach (var (_, child) in obj)
                {
                    foreach (var inner in Objects(child))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray array:
                foreach (var inner in array.SelectMany(Objects))
                {
                    yield return inner;
                }

                break;
        }
    }
}
