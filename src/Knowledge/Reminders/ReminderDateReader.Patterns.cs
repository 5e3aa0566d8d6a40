using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Reminders;

// The patterns, on folded text.
public static partial class ReminderDateReader
{
    // ---- Patterns (on folded text) ----

    private const int TimeoutMs = 1000;
    private const RegexOptions Exact = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;

    private const string MonthWord =
        "januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august|"
        + "september|oktober|october|november|december|jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec";

    private const string WeekdayWord =
        "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday";

    private const string WeekdayAny =
        WeekdayWord + "|ma|di|wo|do|vr|za|zo|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun";

    private const string NumberWord =
        "een|one|an|a|twee|two|drie|three|vier|four|vijf|five|zes|six|zeven|seven|acht|eight|negen|nine|tien|ten|"
        + "elf|eleven|twaalf|twelve";

    private const string UnitWord = "dagen|dag|days|day|weken|weeks|week|maanden|maand|months|month|jaren|jaar|years|year";

    // "op", "on", "vanaf" and a weekday ("dinsdag 15 januari", "Tue, 15 Jan") belong to the date phrase.
    private const string Lead =
        @"(?<!\w)(?:(?:op|on|per|vanaf|from|starting(?:\s+(?:on|from))?|beginning|met\s+ingang\s+van)\s+)?"
        + @"(?:(?<wd>" + WeekdayAny + @")\.?,?\s+)?(?:(?:de|the)\s+)?";

    private const string NotAQuantity = @"(?!\s*(?:" + UnitWord + @"|uur|hours?|minuten|minutes|min|keer|times|x)(?!\w))";

    [GeneratedRegex(
        @"(?<!\w)(?:herinner(?:en|ing|ingen)?|reminders?|remind|seintje|geheugensteun(?:tje)?|attendeer|nudge\s+me|ping\s+me)(?!\w)"
        + @"(?:\s+(?:me|mij|ons|us)(?!\w))?(?:\s+(?:er)?aan(?=\s+(?:om|dat)\s))?",
        Exact, TimeoutMs)]
    private static partial Regex Trigger();

    [GeneratedRegex(@"^\W*(?:hoe|wat|waarom|wanneer\s+krijg|kan\s+ik|how|what|why|can\s+i|do\s+you)(?!\w)", Exact, TimeoutMs)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(
        @"(?<!\w)(?:casus|case|dossier|zaak|client)(?:nummer|nr)?(?:\s*(?:nr|nummer|number|no|num|id)\.?)?\s*[:#]?\s*"
        + @"(?<ref>(?:[a-z]{1,4}-?)?\d+(?:[-/]\d+)*)(?![\w\-/])(?<more>(?:[ .]\d{2,4}){1,3}(?![\w\-/]))?",
        Exact, TimeoutMs)]
    private static partial Regex CaseReference();

    [GeneratedRegex(@"\d{9}", Exact, TimeoutMs)]
    private static partial Regex LongDigitRun();

    [GeneratedRegex(
        @"(?<!\w)(?:om|at|rond|around|omstreeks|tegen)\s+(?:half\s+(?<half>\d{1,2}|" + NumberWord + @")(?!\w)"
        + @"|(?<h>[01]\d|2[0-3])(?<mi>[0-5]\d)(?:\s*(?:uur|u|hrs|hours))?(?!\w)|(?<h>\d{1,2})(?:[:.](?<mi>\d{2}))?"
        + @"(?:\s*(?<ap>a\.?m\.?|p\.?m\.?|uur|u)(?![a-z]))?(?![\w\-/])(?!\s*(?:" + MonthWord + "|" + UnitWord + @")(?!\w)))",
        Exact, TimeoutMs)]
    private static partial Regex TimeAfterWord();

    [GeneratedRegex(
        @"(?<!\w)(?:over|in|binnen|within)\s+(?:\d{1,3}|een\s+half|half\s+an?|anderhalf|" + NumberWord + @")\s+"
        + @"(?:uur|uurtje|kwartier|minuten|minuutjes|min|hours?|minutes?)(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex HoursFromNow();

    [GeneratedRegex(
        @"(?<dp>'?s\s*(?:ochtends|morgens|(?<pm>middags))(?!\w)"
        + @"|(?:(?<!\w)|(?<=(?:morgen|" + WeekdayWord + @")))(?:in\s+(?:de|the)\s+|this\s+|deze\s+)?"
        + @"(?:ochtend|morning|(?<pm>middag|afternoon))(?!\w))",
        Exact, TimeoutMs)]
    private static partial Regex Daypart();

    [GeneratedRegex(@"(?<![\w:.\-/])(?<h>\d{1,2}):(?<mi>\d{2})(?:\s*(?<ap>a\.?m\.?|p\.?m\.?|uur|u)(?![a-z]))?(?![\w:])", Exact, TimeoutMs)]
    private static partial Regex TimeWithColon();

    [GeneratedRegex(
        @"(?<!(?:over|in|na|binnen|within)\s+)(?<![\w.\-/])(?<h>\d{1,2})(?:\.(?<mi>\d{2}))?\s*(?<ap>a\.?m\.?|p\.?m\.?|uur|u)(?![a-z])",
        Exact, TimeoutMs)]
    private static partial Regex TimeWithUnit();

    [GeneratedRegex(
        @"(?<!\w)(?:(?:elke|iedere|ieder|om\s+de|every|each)\s+(?:(?<n>\d{1,3}|" + NumberWord + @"|other|andere)\s+)?"
        + @"(?<u>dagen|dag|days|day|weken|weeks|week|maanden|maand|months|month|jaar|year|(?<wd>" + WeekdayWord + "))"
        + @"|(?<adv>dagelijks|wekelijks|tweewekelijks|maandelijks|daily|weekly|biweekly|fortnightly|monthly))(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex RecurrenceWords();

    [GeneratedRegex(@"(?<!\w)(?:tot\s+en\s+met|t/m|tot|until|till|through|thru|up\s+to|to)\s*$", Exact, TimeoutMs)]
    private static partial Regex UntilKeyword();

    [GeneratedRegex(Lead + @"(?<![\w\-/.])(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2})(?![\w\-/]|\.\d)", Exact, TimeoutMs)]
    private static partial Regex IsoDate();

    [GeneratedRegex(
        Lead + @"(?<![\w\-/.])(?<a>\d{1,2})(?<sep>[-/.])(?<b>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2}))?(?![\w\-/]|[.:]\d)" + NotAQuantity,
        Exact, TimeoutMs)]
    private static partial Regex NumericDate();

    [GeneratedRegex(
        Lead + @"(?<![\w\-/])(?<d>\d{1,2})(?:ste|de|st|nd|rd|th|e)?\s*(?:of\s+)?(?<m>" + MonthWord + @")(?![a-z])\.?"
        + @"(?:,?\s*(?<y>\d{4})(?!\d))?",
        Exact, TimeoutMs)]
    private static partial Regex DayMonthDate();

    [GeneratedRegex(
        Lead + @"(?<m>" + MonthWord + @")\.?\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th)?(?![\w:\-/]|\.\d)" + NotAQuantity
        + @"(?:,?\s+(?<y>\d{4})(?!\d))?",
        Exact, TimeoutMs)]
    private static partial Regex MonthDayDate();

    [GeneratedRegex(
        @"(?<!\w)(?:(?:over|in)\s+(?<n>\d{1,3}|" + NumberWord + @")\s+(?<u>" + UnitWord + @")(?!\w)"
        + @"(?:\s+(?:vanaf\s+(?:nu|vandaag)|from\s+(?:now|today))|'?s?\s+time)?"
        + @"|(?<n>\d{1,3}|" + NumberWord + @")\s+(?<u>" + UnitWord + @")\s+(?:vanaf\s+(?:nu|vandaag)|from\s+(?:now|today)))(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex RelativeDate();

    [GeneratedRegex(
        @"(?<!\w)(?:over|in)\s+(?<n>\d{1,3}|" + NumberWord + @")\s*(?:-|–|tot|to|a|or|of)\s*(?<n2>\d{1,3}|" + NumberWord + @")\s+"
        + @"(?<u>" + UnitWord + @")(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex RangeOfUnits();

    [GeneratedRegex(
        @"(?<!\w)(?:over|in)\s+(?:(?<half>een\s+half\s*jaar|half\s+a\s+year|a\s+half\s+year)|anderhalf\s+jaar"
        + @"|anderhalve\s+(?<u>week|maand))(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex HalfUnits();

    [GeneratedRegex(
        @"(?<=(?:tot(?:\s+en\s+met)?|t/m|until|till|through|thru)\s+)(?<m>" + MonthWord + @")(?![a-z])\.?(?:\s+(?<y>\d{4})(?!\d))?",
        Exact, TimeoutMs)]
    private static partial Regex MonthAfterUntil();

    [GeneratedRegex(
        @"(?<!\w)(?:over|in)\s+(?:een\s+paar|enkele|a\s+few|a\s+couple(?:\s+of)?|couple\s+of|few)\s+(?<u>" + UnitWord + @")(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex FewUnits();

    [GeneratedRegex(
        @"(?<!\w)(?:(?:op\s+|on\s+)?(?:volgende\s+week|next\s+week)\s+(?:op\s+|on\s+)?(?<wd>" + WeekdayWord + ")"
        + @"|(?:op\s+|on\s+)?(?<wd>" + WeekdayWord + @")\s+(?:(?:van\s+)?(?:de\s+)?volgende\s+week|(?:of\s+)?next\s+week))(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex WeekdayNextWeek();

    [GeneratedRegex(@"(?<!\w)(?:op\s+|on\s+)?(?:volgende|next)\s+(?<wd>" + WeekdayWord + @")(?!\w)", Exact, TimeoutMs)]
    private static partial Regex NextWeekday();

    [GeneratedRegex(
        @"(?<!\w)(?:op\s+|on\s+)?(?:aanstaande|komende|deze|this\s+coming|this|coming)\s+(?<wd>" + WeekdayWord + @")(?!\w)",
        Exact, TimeoutMs)]
    private static partial Regex ComingWeekday();

    [GeneratedRegex(@"(?<!\w)(?:op\s+|on\s+)?(?<wd>" + WeekdayWord + @")(?!\w)", Exact, TimeoutMs)]
    private static partial Regex BareWeekday();

    [GeneratedRegex(
        @"(?<!\w)(?<w>overmorgen|(?:the\s+)?day\s+after\s+tomorrow|morgen|tomorrow|vandaag|today)(?!\w)", Exact, TimeoutMs)]
    private static partial Regex DayWord();

    [GeneratedRegex(
        @"(?<!\w)(?:(?<p>begin\s+van|begin|eind\s+van|einde\s+van|einde|eind|halverwege|half|medio|midden|early|mid|late|"
        + @"the\s+end\s+of|end\s+of|the\s+beginning\s+of|beginning\s+of|the\s+middle\s+of|middle\s+of|ergens\s+in|sometime\s+in|"
        + @"in|during)\s*-?\s*)"
        + @"(?:(?<m>" + MonthWord + @")(?![a-z])\.?(?:\s+(?<y>\d{4})(?!\d))?"
        + @"|(?<rel>deze\s+maand|de\s+maand|this\s+month|the\s+month|volgende\s+maand|next\s+month))",
        Exact, TimeoutMs)]
    private static partial Regex MonthPeriod();

    [GeneratedRegex(@"(?<!\w)(?:in\s+)?(?:week|wk)\s*(?<w>\d{1,2})(?:\s+(?<y>\d{4}))?(?![\w\-/.])", Exact, TimeoutMs)]
    private static partial Regex IsoWeek();

    [GeneratedRegex(@"(?<!\w)(?<rel>volgende\s+maand|next\s+month|volgende\s+week|next\s+week|komende\s+week)(?!\w)", Exact, TimeoutMs)]
    private static partial Regex VaguePeriod();

    [GeneratedRegex(
        @"(?<!\w)(?:(?:er)?aan\s+(?:om|dat)|aan|voor|over|om|dat|about|to|for|of|that|regarding|re:|betreft|inzake|m\.?b\.?t\.?)\s+",
        Exact, TimeoutMs)]
    private static partial Regex SubjectMarker();
}
