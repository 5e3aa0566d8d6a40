using ExpertBot.Bot.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Tests.Storage;

public sealed class StorageOptionsTests
{
    [Fact]
    public void Defaults_SqliteWithDocumentedRetention_AreValid()
    {
        var options = new StorageOptions();

        Assert.Equal(("sqlite", "data/expertbot.db", TimeSpan.FromHours(24), TimeSpan.FromDays(30)),
            (options.Provider, options.SqlitePath, options.DedupRetention, options.StateRetention));
        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData("Provider", "mysql", "Storage:Provider")]
    [InlineData("Provider", "postgres", "Storage:PostgresConnectionString")]
    [InlineData("SqlitePath", " ", "Storage:SqlitePath")]
    [InlineData("DedupRetention", "00:00:00", "Storage:DedupRetention")]
    [InlineData("StateRetention", "-1.00:00:00", "Storage:StateRetention")]
    [InlineData("PurgeInterval", "00:00:00", "Storage:PurgeInterval")]
    public async Task HostStart_InvalidSetting_FailsNamingTheKey(string key, string value, string expectedKey)
    {
        using var host = BuildHost(new() { [$"Storage:{key}"] = value });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(expectedKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostStart_EmptyProvider_FailsNamingTheKey()
    {
        using var host = BuildHost(new() { ["Storage:Provider"] = "" });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains("Storage:Provider", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_MalformedPostgresConnectionString_NamesKeyWithoutEchoingSecret()
    {
        var options = new StorageOptions { Provider = "postgres", PostgresConnectionString = "Host=db;Pasword=s3cret-value" };

        var result = new StorageOptionsValidator().Validate(null, options);

        Assert.Contains("Storage:PostgresConnectionString", result.FailureMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret-value", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ProviderInOtherCase_IsAccepted()
    {
        var options = new StorageOptions { Provider = "PostgreS", PostgresConnectionString = "Host=db;Username=bot;Database=bot" };

        Assert.True(new StorageOptionsValidator().Validate(null, options).Succeeded);
        Assert.True(options.IsPostgres);
    }

    internal static IHost BuildHost(Dictionary<string, string?> settings, string? contentRoot = null)
    {
        // Hosts that fail validation never touch the content root; the others get a folder of their own.
        contentRoot ??= Path.GetTempPath();
        Directory.CreateDirectory(contentRoot);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            DisableDefaults = true,
            ContentRootPath = contentRoot,
        });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddBotStorage();
        return builder.Build();
    }
}
