using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Cli;

/// <summary><c>knowledge validate PATH...</c>: every problem in the given files, named by file and JSON path.</summary>
internal static class KnowledgeCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length < 2 || args[0] != "validate")
        {
            throw new UsageException("usage: knowledge validate PATH...");
        }

        List<KnowledgeSource> sources;
        try
        {
            sources = [.. args[1..].Select(KnowledgeSource.FromFile)];
        }
        catch (IOException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return CommandLine.BadArguments;
        }

        var errors = KnowledgeLoader.Validate(sources);
        foreach (var error in errors)
        {
            stderr.WriteLine(error.ToString());
        }

        if (errors.Count > 0)
        {
            stderr.WriteLine($"{errors.Count} problem(s) found.");
            return CommandLine.BadArguments;
        }

        var knowledge = KnowledgeLoader.Load(sources);
        stdout.WriteLine($"ok: {sources.Count} file(s), {knowledge.Experts.Count} experts, {knowledge.Routes.Count} routes, {knowledge.Articles.Count} articles (version {knowledge.Version})");
        return CommandLine.Ok;
    }

    /// <summary>The given files in order, or the shipped knowledge when none are given.</summary>
    public static KnowledgeBase Load(IReadOnlyList<string> files)
    {
        if (files.Count == 0)
        {
            return KnowledgeLoader.LoadShipped();
        }

        var sources = new List<KnowledgeSource>();
        foreach (var file in files)
        {
            try
            {
                sources.Add(KnowledgeSource.FromFile(file));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new KnowledgeLoadException([new KnowledgeError(file, "$", $"cannot read the file ({e.GetType().Name})")]);
            }
        }

        return KnowledgeLoader.Load(sources);
    }
}
