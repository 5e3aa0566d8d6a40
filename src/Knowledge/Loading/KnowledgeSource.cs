using System.Reflection;

namespace ExpertBot.Knowledge.Loading;

/// <summary>A knowledge file's name (for error messages) and its JSON text.</summary>
public sealed record KnowledgeSource(string Name, string Json)
{
    private const string ResourcePrefix = "ExpertBot.Knowledge.Content.";

    /// <summary>The files that ship with the bot: the route knowledge, then the fictional sample expert pool.</summary>
    public static IReadOnlyList<KnowledgeSource> Shipped { get; } =
        [Embedded("routes.nl.json"), Embedded("expertpool.sample.json")];

    public static KnowledgeSource FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        return new KnowledgeSource(path, File.ReadAllText(path));
    }

    internal static string EmbeddedText(string fileName)
    {
        using var stream = typeof(KnowledgeSource).Assembly.GetManifestResourceStream(ResourcePrefix + fileName)
            ?? throw new InvalidOperationException($"Embedded knowledge '{fileName}' is missing from the build.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static KnowledgeSource Embedded(string fileName) => new(fileName, EmbeddedText(fileName));

    internal static Assembly Assembly => typeof(KnowledgeSource).Assembly;
}
