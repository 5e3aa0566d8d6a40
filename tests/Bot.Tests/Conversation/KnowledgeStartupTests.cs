using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Tests.Protocol;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Tests.Conversation;

public sealed class KnowledgeStartupTests
{
    [Fact]
    public async Task Start_InvalidKnowledgeFile_StopsWithFilePathAndProblem()
    {
        var dir = Directory.CreateTempSubdirectory("expertbot-knowledge-");
        var file = Path.Combine(dir.FullName, "pool.json");
        await File.WriteAllTextAsync(file, """{ "schemaVersion": 1, "experts": [ { "id": "x-1", "name": "A", "organisation": "nowhere", "role": "r", "expertise": [], "municipalities": ["*"], "available": ["ma"] } ] }""");
        try
        {
            var error = await Assert.ThrowsAsync<KnowledgeLoadException>(() => BotHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Knowledge:Files:0"] = file,
                    ["Storage:SqlitePath"] = Path.Combine(dir.FullName, "bot.db"),
                },
                services: s => s.AddBotStorage().AddConversation(),
                environment: "Development"));

            Assert.Contains("pool.json", error.Message);
            Assert.Contains("$.experts[0].organisation", error.Message);
            Assert.Contains("nowhere", error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Start_MissingKnowledgeFile_StopsNamingTheFile()
    {
        var dir = Directory.CreateTempSubdirectory("expertbot-knowledge-");
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(
                new Dictionary<string, string?>
                {
                    ["Knowledge:Files:0"] = Path.Combine(dir.FullName, "missing.json"),
                    ["Storage:SqlitePath"] = Path.Combine(dir.FullName, "bot.db"),
                },
                services: s => s.AddBotStorage().AddConversation(),
                environment: "Development"));

            Assert.Contains("missing.json", error.Message);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dir.Delete(recursive: true);
        }
    }
}
