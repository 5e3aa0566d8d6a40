using System.Text.Json;
using ExpertBot.Bot.LanguageModel;

namespace ExpertBot.Bot.Tests.LanguageModel;

public sealed class AzureOpenAIOptionsTests
{
    [Fact]
    public void Validate_NothingConfigured_OffAndValid()
    {
        var options = new AzureOpenAIOptions();

        var result = new AzureOpenAIOptionsValidator().Validate(null, options);

        Assert.True(result.Succeeded);
        Assert.False(options.Enabled);
    }

    [Theory]
    [InlineData("https://my-resource.openai.azure.com/", true)]
    [InlineData("http://127.0.0.1:5000/", true)]
    [InlineData("http://localhost:5000/", true)]
    [InlineData("http://[::1]:5000/", true)]
    [InlineData("http://my-resource.openai.azure.com/", false)]
    [InlineData("http://10.0.0.5/", false)]
    [InlineData("my-resource.openai.azure.com", false)]
    public void Validate_Endpoint_HttpsOrLoopbackOnly(string endpoint, bool valid)
    {
        var options = new AzureOpenAIOptions { Endpoint = endpoint, Deployment = "gpt-4o-mini", ApiKey = "k" };

        var result = new AzureOpenAIOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("AzureOpenAI:Endpoint", result.FailureMessage);
        }
    }

    [Fact]
    public void Validate_DeploymentWithoutEndpoint_NamesTheEndpoint()
    {
        var result = new AzureOpenAIOptionsValidator().Validate(null, new AzureOpenAIOptions { Deployment = "gpt-4o-mini" });

        Assert.False(result.Succeeded);
        Assert.Contains("AzureOpenAI:Endpoint", result.FailureMessage);
    }

    [Fact]
    public void Validate_ManagedIdentity_ValidWithoutKey()
    {
        var options = new AzureOpenAIOptions
        {
            Endpoint = "https://my-resource.openai.azure.com/",
            Deployment = "gpt-4o-mini",
            UseManagedIdentity = true,
            ManagedIdentityClientId = "00000000-0000-0000-0000-000000000001",
        };

        Assert.True(new AzureOpenAIOptionsValidator().Validate(null, options).Succeeded);
    }

    [Fact]
    public void Validate_ApiKeyInAnAppsettingsFile_RefusedNamingTheFileNotTheKey()
    {
        var dir = Directory.CreateTempSubdirectory("expertbot-llm-options-");
        try
        {
            var file = Path.Combine(dir.FullName, "appsettings.json");
            File.WriteAllText(file, """{ "AzureOpenAI": { "Endpoint": "https://r.openai.azure.com/", "Deployment": "d", "ApiKey": "committed-secret" } }""");
            var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();
            var options = configuration.GetSection(AzureOpenAIOptions.Section).Get<AzureOpenAIOptions>()!;

            var result = new AzureOpenAIOptionsValidator(configuration).Validate(null, options);

            Assert.False(result.Succeeded);
            Assert.Contains("AzureOpenAI:ApiKey", result.FailureMessage);
            Assert.Contains("appsettings.json", result.FailureMessage);
            Assert.DoesNotContain("committed-secret", result.FailureMessage);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Sample_AzureOpenAISection_DocumentsEveryKeyAndIsOff()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "appsettings.sample.json")))
        {
            dir = dir.Parent;
        }

        var sample = File.ReadAllText(Path.Combine(dir!.FullName, "appsettings.sample.json"));
        using var json = JsonDocument.Parse(sample, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var section = json.RootElement.GetProperty(AzureOpenAIOptions.Section);
        var documented = section.EnumerateObject().Select(p => p.Name).Order();
        var settable = typeof(AzureOpenAIOptions).GetProperties().Where(p => p.CanWrite).Select(p => p.Name).Order();

        Assert.Equal(settable, documented);
        var options = new ConfigurationBuilder()
            .AddInMemoryCollection(section.EnumerateObject().Select(p => KeyValuePair.Create<string, string?>($"{AzureOpenAIOptions.Section}:{p.Name}", p.Value.ToString())))
            .Build().GetSection(AzureOpenAIOptions.Section).Get<AzureOpenAIOptions>()!;
        Assert.False(options.Enabled);
        Assert.True(new AzureOpenAIOptionsValidator().Validate(null, options).Succeeded);
    }
}
