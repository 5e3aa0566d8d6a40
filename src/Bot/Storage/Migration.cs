namespace ExpertBot.Bot.Storage;

/// <summary>
/// One schema step. Versions start at 1 and have no gaps; an applied migration is never edited, a change is a
/// new migration. Each provider keeps its own list with the same versions and names.
/// </summary>
internal sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>Fails fast on a list that would apply out of order or skip a version.</summary>
    public static IReadOnlyList<Migration> EnsureOrdered(IReadOnlyList<Migration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException(
                    $"Migration '{migrations[i].Name}' has version {migrations[i].Version}; expected {i + 1} (versions start at 1, no gaps).");
            }
        }

        return migrations;
    }
}
