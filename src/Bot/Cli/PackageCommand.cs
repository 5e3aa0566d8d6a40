using System.IO.Compression;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ExpertBot.Bot.Cli;

/// <summary>
/// <c>package --app-id GUID --bot-id GUID [--version 1.0.0] [--out PATH]</c>: the Teams app zip (manifest.json, icons,
/// localization files at the root). The template and icons in <c>manifests/</c> are embedded in this assembly, so the
/// command works from any directory. Exit 0 and the zip's path on stdout; 2 for bad arguments.
/// </summary>
internal static partial class PackageCommand
{
    public const string DefaultOut = "artifacts/expertbot-teams-app.zip";
    private const string ResourcePrefix = "ExpertBot.Bot.TeamsApp.";
    private const string Usage = "usage: package --app-id GUID --bot-id GUID [--version MAJOR.MINOR.PATCH] [--out PATH]";

    // Fixed entry times keep the zip byte-identical for the same inputs (zip stores local time, 1980 at the earliest).
    private static readonly DateTimeOffset EntryTime = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        string? appId = null, botId = null, version = "1.0.0", outPath = DefaultOut;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--app-id":
                    appId = Guid(Value(args, ref i), "--app-id");
                    break;
                case "--bot-id":
                    botId = Guid(Value(args, ref i), "--bot-id");
                    break;
                case "--version":
                    version = Value(args, ref i);
                    if (!SemVer().IsMatch(version))
                    {
                        throw new UsageException($"--version '{version}' is not MAJOR.MINOR.PATCH (e.g. 1.0.0)");
                    }

                    break;
                case "--out":
                    outPath = Value(args, ref i);
                    break;
                default:
                    throw new UsageException($"unknown argument '{args[i]}'; {Usage}");
            }
        }

        if (appId is null || botId is null)
        {
            throw new UsageException($"--app-id and --bot-id are required; {Usage}");
        }

        var values = new Dictionary<string, string>
        {
            ["{{APP_ID}}"] = appId,
            ["{{BOT_ID}}"] = botId,
            ["{{VERSION}}"] = version,
        };

        var fullPath = Path.GetFullPath(outPath);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(fullPath)!);
            using var file = new FileStream(fullPath, FileMode.Create, FileAccess.Write);
            Write(file, values);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"error: cannot write {fullPath}: {e.Message}");
            return CommandLine.Failed;
        }

        stdout.WriteLine(fullPath);
        return CommandLine.Ok;
    }

    /// <summary>Writes the package: every embedded TeamsApp file, JSON ones with the placeholders filled.</summary>
    public static void Write(Stream destination, IReadOnlyDictionary<string, string> values)
    {
        var assembly = typeof(PackageCommand).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (!names.Contains(ResourcePrefix + "manifest.json"))
        {
            throw new InvalidOperationException("manifests/manifest.json is not embedded in the Bot assembly");
        }

        using var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true);
        foreach (var name in names)
        {
            var fileName = name[ResourcePrefix.Length..];
            var content = Read(assembly, name);
            if (fileName.EndsWith(".json", StringComparison.Ordinal))
            {
                content = Fill(fileName, content, values);
            }

            var entry = zip.CreateEntry(fileName, CompressionLevel.Optimal);
            entry.LastWriteTime = EntryTime;
            using var stream = entry.Open();
            stream.Write(content);
        }
    }

    private static byte[] Fill(string fileName, byte[] template, IReadOnlyDictionary<string, string> values)
    {
        var text = Encoding.UTF8.GetString(template);
        foreach (var (placeholder, value) in values)
        {
            text = text.Replace(placeholder, value, StringComparison.Ordinal);
        }

        // A placeholder the command does not know would ship a broken manifest: fail here, not at upload.
        var left = Placeholder().Match(text);
        if (left.Success)
        {
            throw new InvalidOperationException($"{fileName}: placeholder {left.Value} has no value");
        }

        using (JsonDocument.Parse(text))
        {
        }

        return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
    }

    private static byte[] Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static string Value(string[] args, ref int i)
    {
        var option = args[i];
        if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new UsageException($"{option} needs a value; {Usage}");
        }

        return args[++i];
    }

    // Teams wants the 8-4-4-4-12 form; normalise to lower case so the manifest does not depend on how it was typed.
    private static string Guid(string text, string option) =>
        System.Guid.TryParseExact(text, "D", out var guid)
            ? guid.ToString("D")
            : throw new UsageException($"{option} '{text}' is not a GUID like 00000000-0000-0000-0000-000000000000");

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"\{\{[^}]*\}\}")]
    private static partial Regex Placeholder();
}
