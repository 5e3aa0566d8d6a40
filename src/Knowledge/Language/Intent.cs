namespace ExpertBot.Knowledge.Language;

public enum Intent
{
    Unknown,
    Who,
    Route,
    Request,
    Reminder,
    Help,
}

public static class IntentNames
{
    public static string Code(this Intent intent) => intent switch
    {
        Intent.Who => "who",
        Intent.Route => "route",
        Intent.Request => "request",
        Intent.Reminder => "reminder",
        Intent.Help => "help",
        _ => "unknown",
    };

    public static Intent Parse(string code) => code switch
    {
        "who" => Intent.Who,
        "route" => Intent.Route,
        "request" => Intent.Request,
        "reminder" => Intent.Reminder,
        "help" => Intent.Help,
        _ => Intent.Unknown,
    };
}
