using ExpertBot.Knowledge.Assist;

namespace ExpertBot.Knowledge.Tests.Assist;

public sealed class ModelOutputTests
{
    [Fact]
    public void ModelReading_SchemaShapedJson_Parsed()
    {
        var reading = ModelReading.TryParse("""
            {"intent":"who","acuteDanger":true,"signalsPresent":["stagnatie"],"signalsAbsent":[],"topics":["lvb"],"municipality":"Oldambt","day":"2026-11-27"}
            """);

        Assert.NotNull(reading);
        Assert.Equal("who", reading.Intent);
        Assert.True(reading.AcuteDanger);
        Assert.Equal(["stagnatie"], reading.SignalsPresent);
        Assert.Equal(["lvb"], reading.Topics);
        Assert.Equal("Oldambt", reading.Municipality);
        Assert.Equal(new DateOnly(2026, 11, 27), reading.Day);
    }

    [Fact]
    public void ModelReading_NullsWhereAllowed_Parsed()
    {
        var reading = ModelReading.TryParse("""{"intent":"unknown","acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":null}""");

        Assert.NotNull(reading);
        Assert.Null(reading.Municipality);
        Assert.Null(reading.Day);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("[]")]
    [InlineData("""{"intent":"who"}""")]
    [InlineData("""{"intent":null,"acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":null}""")]
    [InlineData("""{"intent":"who","acuteDanger":"yes","signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":null}""")]
    [InlineData("""{"intent":"who","acuteDanger":false,"signalsPresent":[1],"signalsAbsent":[],"topics":[],"municipality":null,"day":null}""")]
    [InlineData("""{"intent":"who","acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":"lvb","municipality":null,"day":null}""")]
    [InlineData("""{"intent":"who","acuteDanger":false,"signalsPresent":[],"signalsAbsent":[],"topics":[],"municipality":null,"day":"vrijdag"}""")]
    public void ModelReading_NotTheSchemasShape_Null(string? json)
    {
        Assert.Null(ModelReading.TryParse(json));
    }

    [Fact]
    public void PhrasedAnswer_SchemaShapedJson_Parsed()
    {
        var phrased = PhrasedAnswer.TryParse("""{"text":"Bel Marieke.","expertIds":["s-01"],"routeIds":[]}""");

        Assert.NotNull(phrased);
        Assert.Equal("Bel Marieke.", phrased.Text);
        Assert.Equal(["s-01"], phrased.ExpertIds);
        Assert.Empty(phrased.RouteIds);
    }

    [Theory]
    [InlineData("""{"text":null,"expertIds":[],"routeIds":[]}""")]
    [InlineData("""{"text":"x","expertIds":"s-01","routeIds":[]}""")]
    [InlineData("""{"text":"x","expertIds":[]}""")]
    [InlineData("""{"text":"x""")]
    public void PhrasedAnswer_NotTheSchemasShape_Null(string json)
    {
        Assert.Null(PhrasedAnswer.TryParse(json));
    }
}
