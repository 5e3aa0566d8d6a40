using System.Text.Json.Nodes;
using ExpertBot.Bot.Cli;

namespace ExpertBot.Bot.Tests.LanguageModel;

/// <summary><c>ask --llm</c>: the chat's assistant from the shell, configured as the host is.</summary>
public sealed class AskLlmCommandTests
{
    private const string Question = "Ouders weigeren elke medewerking en de onveiligheid blijft, wat nu?";

    [Fact]
    public async Task AskLlm_Json_ReportsTheModelWasUsed()
    {
        await using var model = await FakeAzureOpenAI.StartAsync();
        var (code, stdout, _) = Run(["ask", "--llm", "--json", "--date", "2026-11-23", Question], model.Settings());

        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("raadsonderzoek", json["route"]!["id"]!.GetValue<string>());
        Assert.StartsWith("Grounded wording:", json["answer"]!.GetValue<string>());
        Assert.NotEmpty(json["sources"]!.AsArray());
        Assert.Equal("model", json["assist"]!["understanding"]!.GetValue<string>());
        Assert.Equal("model", json["assist"]!["phrasing"]!.GetValue<string>());
        Assert.Equal(2, model.Requests.Count);
    }

    [Fact]
    public async Task AskLlm_RateLimited_EmbeddedAnswerAndTheReason()
    {
        await using var model = await FakeAzureOpenAI.StartAsync();
        model.Script = _ => new FakeReply.Error(429, FakeAzureOpenAI.RateLimitError, RetryAfter: "10");

        var (code, stdout, _) = Run(["ask", "--llm", "--json", "--date", "2026-11-23", Question], model.Settings());

        Assert.Equal(0, code);
        var json = JsonNode.Parse(stdout)!;
        Assert.Equal("embedded", json["assist"]!["phrasing"]!.GetValue<string>());
        Assert.Equal("http-429", json["assist"]!["understandingFallback"]!.GetValue<string>());
        Assert.Equal(AssistantFixture.Embedded(Question).Text, json["answer"]!.GetValue<string>());
    }

    [Fact]
    public void AskLlm_NotConfigured_ExitsTwoNamingTheSettings()
    {
        var (code, stdout, stderr) = Run(["ask", "--llm", Question]);

        Assert.Equal(CommandLine.BadArguments, code);
        Assert.Empty(stdout);
        Assert.Contains("AzureOpenAI:Endpoint", stderr);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void AskLlm_InvalidConfiguration_ExitsTwoNamingTheKey()
    {
        var (code, _, stderr) = Run(["ask", "--llm", Question], new Dictionary<string, string?>
        {
            ["AzureOpenAI:Endpoint"] = "https://my-resource.openai.azure.com/",
            ["AzureOpenAI:ApiKey"] = "from-the-environment",
        });

        Assert.Equal(CommandLine.BadArguments, code);
        Assert.Contains("AzureOpenAI:Deployment", stderr);
    }

    [Fact]
    public void Ask_WithoutLlm_JsonHasNoAssistPart()
    {
        var (code, stdout, _) = Run(["ask", "--json", "--date", "2026-11-23", Question]);

        Assert.Equal(0, code);
        Assert.Null(JsonNode.Parse(stdout)!["assist"]);
    }

    private static (int Code, string Stdout, string Stderr) Run(string[] args, IReadOnlyDictionary<string, string?>? configuration = null)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code;
        try
        {
            code = AskCommand.Run(args[1..], stdout, stderr, TimeProvider.System, configuration);
        }
        catch (UsageException e)
        {
            stderr.WriteLine(e.Message);
            code = CommandLine.BadArguments;
        }

        return (code, stdout.ToString(), stderr.ToString());
    }
}
