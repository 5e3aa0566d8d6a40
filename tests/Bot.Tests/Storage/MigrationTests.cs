using ExpertBot.Bot.Storage;
using ExpertBot.Bot.Storage.Postgres;
using ExpertBot.Bot.Storage.Sqlite;

namespace ExpertBot.Bot.Tests.Storage;

public sealed class MigrationTests
{
    [Fact]
    public void Providers_SameVersionsAndNames_StayInStep()
    {
        Assert.Equal(
            SqliteSchema.Migrations.Select(m => (m.Version, m.Name)),
            PostgresSchema.Migrations.Select(m => (m.Version, m.Name)));
    }

    [Fact]
    public void EnsureOrdered_GapInVersions_ThrowsNamingTheMigration()
    {
        Migration[] migrations = [new(1, "one", "SELECT 1;"), new(3, "three", "SELECT 1;")];

        var exception = Assert.Throws<InvalidOperationException>(() => Migration.EnsureOrdered(migrations));

        Assert.Contains("'three'", exception.Message, StringComparison.Ordinal);
    }
}
