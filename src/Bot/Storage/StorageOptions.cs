using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;
using Npgsql;

namespace ExpertBot.Bot.Storage;

/// <summary>Where the bot keeps its durable state. Bound from the <c>Storage</c> section.</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string SqliteProvider = "sqlite";
    public const string PostgresProvider = "postgres";

    /// <summary><c>sqlite</c> (one instance) or <c>postgres</c> (several instances share one database).</summary>
    [Required(ErrorMessage = "Storage:Provider is required ('sqlite' or 'postgres').")]
    public string Provider { get; set; } = SqliteProvider;

    /// <summary>The SQLite file; a relative path is resolved against the content root.</summary>
    public string SqlitePath { get; set; } = "data/expertbot.db";

    /// <summary>Npgsql connection string; required when <see cref="Provider"/> is <c>postgres</c>.</summary>
    public string? PostgresConnectionString { get; set; }

    /// <summary>How long a handled (conversation id, activity id) pair is remembered.</summary>
    public TimeSpan DedupRetention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long conversation state lives after its last write.</summary>
    public TimeSpan StateRetention { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How often expired deduplication entries and state are purged.</summary>
    public TimeSpan PurgeInterval { get; set; } = TimeSpan.FromHours(1);

    public bool IsPostgres => string.Equals(Provider, PostgresProvider, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Rules the data annotations cannot express; every message names the offending key.</summary>
internal sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        List<string> failures = [];

        var isSqlite = string.Equals(options.Provider, StorageOptions.SqliteProvider, StringComparison.OrdinalIgnoreCase);
        if (!isSqlite && !options.IsPostgres)
        {
            failures.Add($"Storage:Provider must be '{StorageOptions.SqliteProvider}' or '{StorageOptions.PostgresProvider}' (was '{options.Provider}').");
        }

        if (isSqlite && string.IsNullOrWhiteSpace(options.SqlitePath))
        {
            failures.Add("Storage:SqlitePath is required when Storage:Provider is 'sqlite'.");
        }

        if (options.IsPostgres)
        {
            if (string.IsNullOrWhiteSpace(options.PostgresConnectionString))
            {
                failures.Add("Storage:PostgresConnectionString is required when Storage:Provider is 'postgres'.");
            }
            else if (!IsParsable(options.PostgresConnectionString))
            {
                // The value holds a password: name the key, never echo the value.
                failures.Add("Storage:PostgresConnectionString is not a valid Npgsql connection string.");
            }
        }

        if (options.DedupRetention <= TimeSpan.Zero)
        {
            failures.Add("Storage:DedupRetention must be positive.");
        }

        if (options.StateRetention <= TimeSpan.Zero)
        {
            failures.Add("Storage:StateRetention must be positive.");
        }

        if (options.PurgeInterval <= TimeSpan.Zero)
        {
            failures.Add("Storage:PurgeInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static bool IsParsable(string connectionString)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(connectionString);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
