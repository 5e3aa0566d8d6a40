using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NJsonSchema;
using NJsonSchema.Validation;

namespace ExpertBot.Knowledge.Loading;

/// <summary>
/// Validates knowledge files against the shipped JSON Schema, merges them in order (a repeated id replaces the
/// earlier item) and checks references between them. All-or-nothing: any problem throws with every error found.
/// </summary>
public static class KnowledgeLoader
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromJsonAsync(KnowledgeSource.EmbeddedText("knowledge.schema.json")).GetAwaiter().GetResult());

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64 };

    public static KnowledgeBase LoadShipped() => Load(KnowledgeSource.Shipped);

    public static KnowledgeBase Load(IEnumerable<KnowledgeSource> sources)
    {
        var (knowledge, errors) = TryLoad(sources);
        return errors.Count > 0 ? throw new KnowledgeLoadException(errors) : knowledge!;
    }

    /// <summary>Every problem in the given files, or none.</summary>
    public static IReadOnlyList<KnowledgeError> Validate(IEnumerable<KnowledgeSource> sources) => TryLoad(sources).Errors;

    private static (KnowledgeBase? Knowledge, IReadOnlyList<KnowledgeError> Errors) TryLoad(IEnumerable<KnowledgeSource> sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var list = sources.ToList();
        var errors = new List<KnowledgeError>();
        var merger = new Merger();
        if (list.Count == 0)
        {
            errors.Add(new KnowledgeError("(none)", "$", "no knowledge files were given"));
        }

        foreach (var source in list)
        {
            var root = ParseAndValidate(source, errors);
            if (root is not null)
            {
                merger.Add(source.Name, root, errors);
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        merger.CheckReferences(errors);
        return errors.Count > 0 ? (null, errors) : (merger.Build(Hash(list)), errors);
    }

    private static JsonObject? ParseAndValidate(KnowledgeSource source, List<KnowledgeError> errors)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(source.Json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            errors.Add(new KnowledgeError(source.Name, e.Path ?? "$", $"not valid JSON (line {e.LineNumber + 1}, position {e.BytePositionInLine + 1})"));
            return null;
        }

        if (node is not JsonObject root)
        {
            errors.Add(new KnowledgeError(source.Name, "$", "the file must hold one JSON object"));
            return null;
        }

        var found = Schema.Value.Validate(source.Json);
        foreach (var error in Flatten(found))
        {
            errors.Add(new KnowledgeError(source.Name, ToJsonPath(error), Describe(error)));
        }

        return found.Count == 0 ? root : null;
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // A list item that is invalid wraps the real problems: report those, with their own paths. A failed
            // oneOf (localized text) lists every alternative's complaint; its own message says it more plainly.
            if (error is ChildSchemaValidationError child && error.Kind is not (ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf)
                && child.Errors.Values.Any(e => e.Count > 0))
            {
                foreach (var inner in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static string ToJsonPath(ValidationError error)
    {
        var path = error.Path ?? "#";
        path = path.StartsWith("#/", StringComparison.Ordinal) ? "$." + path[2..] : path == "#" ? "$" : path;
        return error.Kind is ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed
            && error.Property is not null && path.EndsWith("." + error.Property, StringComparison.Ordinal)
            ? path[..^(error.Property.Length + 1)]
            : path;
    }

    private static string Describe(ValidationError error) => error.Kind switch
    {
        ValidationErrorKind.PropertyRequired => $"required property '{error.Property}' is missing",
        ValidationErrorKind.NoAdditionalPropertiesAllowed => $"unknown property '{error.Property}'",
        ValidationErrorKind.NotInEnumeration => "value is not one of the allowed values",
        ValidationErrorKind.PatternMismatch => "value does not have the expected form",
        ValidationErrorKind.StringTooShort => "text is empty or too short",
        ValidationErrorKind.StringTooLong => "text is too long",
        ValidationErrorKind.TooFewItems => "the list needs at least one item",
        ValidationErrorKind.ItemsNotUnique => "the list repeats an item",
        ValidationErrorKind.NotOneOf => "must be a text or an object with 'nl' (and optionally 'en')",
        ValidationErrorKind.ArrayExpected => "must be a list",
        ValidationErrorKind.ObjectExpected => "must be an object",
        ValidationErrorKind.StringExpected => "must be a text",
        ValidationErrorKind.BooleanExpected => "must be true or false",
        ValidationErrorKind.IntegerExpected => "must be a whole number",
        ValidationErrorKind.NumberTooBig or ValidationErrorKind.NumberTooSmall => "number is out of range",
        _ => error.Kind.ToString(),
    };

    private static string Hash(IReadOnlyList<KnowledgeSource> sources)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var source in sources)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(source.Json));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..12];
    }
}
