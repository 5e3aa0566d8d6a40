using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Language;

/// <summary>Finds the day a question asks about ("vrijdag", "morgen", "today") relative to a supplied date.</summary>
public static class DayReader
{
    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["maandag"] = DayOfWeek.Monday, ["dinsdag"] = DayOfWeek.Tuesday, ["woensdag"] = DayOfWeek.Wednesday,
        ["donderdag"] = DayOfWeek.Thursday, ["vrijdag"] = DayOfWeek.Friday, ["zaterdag"] = DayOfWeek.Saturday,
        ["zondag"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Relative = new(StringComparer.Ordinal)
    {
        ["vandaag"] = 0, ["today"] = 0, ["morgen"] = 1, ["tomorrow"] = 1, ["overmorgen"] = 2,
    };

    /// <summary>The asked day, or null when the question names none.</summary>
    public static DateOnly? Read(IReadOnlyList<Token> tokens, DateOnly today)
    {
        foreach (var token in tokens)
        {
            if (Relative.TryGetValue(token.Folded, out var days))
            {
                return today.AddDays(days);
            }

            if (Weekdays.TryGetValue(token.Folded, out var weekday))
            {
                var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
                return today.AddDays(ahead);
            }
        }

        return null;
    }

    /// <summary>The knowledge's weekday code ("ma" … "zo") for a date.</summary>
    public static string Code(DateOnly day) => day.DayOfWeek switch
    {
        DayOfWeek.Monday => "ma",
        DayOfWeek.Tuesday => "di",
        DayOfWeek.Wednesday => "wo",
        DayOfWeek.Thursday => "do",
        DayOfWeek.Friday => "vr",
        DayOfWeek.Saturday => "za",
        _ => "zo",
    };

    public static string Name(DateOnly day, Lang lang) => lang == Lang.En
        ? day.DayOfWeek.ToString().ToLowerInvariant()
        : day.DayOfWeek switch
        {
            DayOfWeek.Monday => "maandag",
            DayOfWeek.Tuesday => "dinsdag",
            DayOfWeek.Wednesday => "woensdag",
            DayOfWeek.Thursday => "donderdag",
            DayOfWeek.Friday => "vrijdag",
            DayOfWeek.Saturday => "zaterdag",
            _ => "zondag",
        };

    public static string CodeName(string code, Lang lang) => code switch
    {
        "ma" => lang == Lang.En ? "Mon" : "ma",
        "di" => lang == Lang.En ? "Tue" : "di",
        "wo" => lang == Lang.En ? "Wed" : "wo",
        "do" => lang == Lang.En ? "Thu" : "do",
        "vr" => lang == Lang.En ? "Fri" : "vr",
        "za" => lang == Lang.En ? "Sat" : "za",
        _ => lang == Lang.En ? "Sun" : "zo",
    };
}
