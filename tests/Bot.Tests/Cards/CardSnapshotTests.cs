using System.Runtime.CompilerServices;
using ExpertBot.Bot.Cards;
using static ExpertBot.Bot.Tests.Cards.CardFixtures;

namespace ExpertBot.Bot.Tests.Cards;

/// <summary>
/// Serialised cards compared with checked-in JSON. After an intended change, run with UPDATE_SNAPSHOTS=1 and
/// review the diff of tests/Bot.Tests/Cards/Snapshots.
/// </summary>
public sealed class CardSnapshotTests
{
    [Theory]
    [InlineData("route-aansluiten-en-ondersteunen.nl")]
    [InlineData("experts.nl")]
    public void Sample_Serialised_MatchesSnapshot(string name)
    {
        var actual = Serialize(Samples.Single(s => s.Name == name).Card) + "\n";
        var file = Path.Combine(SnapshotDirectory(), name + ".json");

        if (Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, actual);
            return;
        }

        Assert.True(File.Exists(file), $"no snapshot {file}; run the tests with UPDATE_SNAPSHOTS=1 to create it");
        Assert.Equal(File.ReadAllText(file).ReplaceLineEndings("\n"), actual);
    }

    [Fact]
    public void Snapshots_EveryFile_BelongsToASample()
    {
        var names = Samples.Select(s => s.Name + ".json").ToHashSet(StringComparer.Ordinal);

        Assert.All(Directory.GetFiles(SnapshotDirectory(), "*.json"), f => Assert.Contains(Path.GetFileName(f), names));
    }

    private static string SnapshotDirectory([CallerFilePath] string source = "") =>
        Path.Combine(Path.GetDirectoryName(source)!, "Snapshots");
}
