namespace ExpertBot.Knowledge.Loading;

/// <summary>One problem in one knowledge file, located by a JSON path ("$.experts[3].organisation").</summary>
public sealed record KnowledgeError(string File, string Path, string Problem)
{
    public override string ToString() => $"{File}: {Path}: {Problem}";
}

/// <summary>Thrown when any knowledge file is invalid; the knowledge is then not loaded at all.</summary>
public sealed class KnowledgeLoadException : Exception
{
    public KnowledgeLoadException(IReadOnlyList<KnowledgeError> errors)
        : base(Describe(errors)) => Errors = errors;

    public IReadOnlyList<KnowledgeError> Errors { get; }

    private static string Describe(IReadOnlyList<KnowledgeError> errors) =>
        errors.Count == 1
            ? $"Invalid knowledge: {errors[0]}"
            : $"Invalid knowledge ({errors.Count} problems): {errors[0]} (and {errors.Count - 1} more)";
}
