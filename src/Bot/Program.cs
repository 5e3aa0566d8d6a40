using ExpertBot.Bot.Cli;
using ExpertBot.Bot.Conversation;
using ExpertBot.Bot.Protocol;
using ExpertBot.Bot.Requests;
using ExpertBot.Bot.Reminders;
using ExpertBot.Bot.Storage;

// Shell commands (ask, knowledge validate, package, report) run and exit; anything else starts the bot host.
if (CommandLine.IsCommand(args))
{
    return CommandLine.Run(args, Console.Out, Console.Error, TimeProvider.System);
}

var builder = WebApplication.CreateBuilder(args);
builder.WebHost.UseUrls(builder.Configuration["Urls"] ?? "http://127.0.0.1:3978");

// Durable stores first: the protocol only adds in-memory ones when none are registered.
builder.Services.AddBotStorage();
builder.Services.AddBotProtocol(builder.Configuration);
builder.Services.AddConversation();
// Requests to the GI: the form, routing to the expert pool, tickets and their outbox.
builder.Services.AddRequests();
// Evaluation-date reminders: chat, card buttons and the proactive nudge scheduler.
builder.Services.AddReminders();

var app = builder.Build();
app.MapGet("/healthz", () => Results.Ok(new { status = "ok" }));
app.MapBotMessages();
app.Run();
return 0;

/// <summary>Entry point type, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
