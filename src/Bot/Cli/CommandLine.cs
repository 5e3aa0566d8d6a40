namespace ExpertBot.Bot.Cli;

/// <summary>The bot's shell commands. Returns null when the arguments are not a command (then the host runs).</summary>
internal static class CommandLine
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int BadArguments = 2;

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && args[0] is "ask" or "knowledge" or "package" or "report" or "help" or "--help" or "-h";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        try
        {
            return args[0] switch
            {
                "ask" => AskCommand.Run(args[1..], stdout, stderr, time),
                "knowledge" => KnowledgeCommand.Run(args[1..], stdout, stderr),
                "package" => PackageCommand.Run(args[1..], stdout, stderr),
                "report" => ReportCommand.Run(args[1..], stdout, stderr),
                _ => Usage(stdout),
            };
        }
        catch (UsageException e)
        {
            stderr.WriteLine($"error: {e.Message}");
            return BadArguments;
        }
    }

    private static int Usage(TextWriter stdout)
    {
        stdout.WriteLine("""
            ExpertBot
              dotnet run --project src/Bot                      run the Teams bot on http://127.0.0.1:3978
              dotnet run --project src/Bot -- ask [--json] [--llm] [--knowledge PATH]... [--date yyyy-MM-dd] [--locale nl|en] "question"
              dotnet run --project src/Bot -- knowledge validate PATH...
              dotnet run --project src/Bot -- package --app-id GUID --bot-id GUID [--version 1.0.0] [--out PATH]
              dotnet run --project src/Bot -- report requests --from yyyy-MM-dd --to yyyy-MM-dd [--csv]
            """);
        return Ok;
    }
}

internal sealed class UsageException(string message) : Exception(message);
