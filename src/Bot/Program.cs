using ExpertBot.Bot.Cli;

// Shell commands (ask, knowledge validate) run and exit; anything else starts the bot host.
if (CommandLine.IsCommand(args))
{
    return CommandLine.Run(args, Console.Out, Console.Error, TimeProvider.System);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:3978");
var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.Run();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
