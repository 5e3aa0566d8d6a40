using System.Globalization;
using System.Text.Json.Nodes;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Reminders;
using static ExpertBot.Bot.Cards.CardElements;

namespace ExpertBot.Bot.Cards;

/// <summary>What a reminder card shows; built by the reminders feature from its records (plain values, no I/O).</summary>
internal sealed record ReminderView(
    string Id,
    string? CaseReference,
    string? Subject,
    DateOnly DueDate,
    TimeOnly Time,
    Interval? Every = null,
    DateOnly? Until = null,
    bool IsEngagement = false,
    DateOnly? EngagementStart = null,
    string? RequestId = null);

/// <summary>One reminder on a nudge card: which nudge, for which occurrence, and whether it comes late.</summary>
internal sealed record NudgeView(ReminderView Reminder, NudgeCardKind Kind, DateOnly Occurrence, bool IsLate);

internal enum NudgeCardKind
{
    Before,
    OnTheDay,
    Overdue,
    Snooze,
    LongRunning,
}

/// <summary>
/// Reminder cards: confirmation, asking back for a date, the list, the proactive nudge (one or more reminders of one
/// user), the engagement proposal and the status after an action. Pure, like <see cref="AnswerCards"/>.
/// </summary>
internal static class ReminderCards
{
    public const int MaxListItems = 15;

    /// <summary>Input id of the date field for a reminder (several on one card, so the id carries the reminder).</summary>
    public static string DateInputId(string? reminderId) => reminderId is null ? ReminderData.Date : $"{ReminderData.Date}-{reminderId}";

    public static JsonObject Confirmation(ReminderView reminder, IReadOnlyList<DateTimeOffset> nudgesAt, TimeZoneInfo zone, Lang lang)
    {
        var en = lang == Lang.En;
        var body = new List<JsonNode>
        {
            Heading(en ? "Reminder set" : "Herinnering gezet"),
            Text(What(reminder, en)),
            Text((en ? "When: " : "Wanneer: ") + When(reminder, en), spacing: "Small"),
        };
        if (nudgesAt.Count > 0)
        {
            body.Add(Text(en ? "I will send you a message:" : "Ik stuur je een bericht:", weight: "Bolder", spacing: "Medium"));
            foreach (var at in nudgesAt)
            {
                var local = TimeZoneInfo.ConvertTime(at, zone);
                body.Add(Text("• " + DateText(DateOnly.FromDateTime(local.DateTime), en) + (en ? " at " : " om ") + local.ToString("HH:mm", CultureInfo.InvariantCulture), spacing: "None"));
            }
        }

        body.Add(Text(en ? "Never type names or other personal data in a reminder; a case reference is enough."
            : "Typ nooit namen of andere persoonsgegevens in een herinnering; een casusreferentie is genoeg.", subtle: true, spacing: "Medium"));
        return Card(body,
        [
            Execute(en ? "My reminders" : "Mijn herinneringen", ReminderVerbs.List, new JsonObject()),
            Execute(en ? "Cancel" : "Annuleren", ReminderVerbs.Cancel, Data((ReminderData.ReminderId, reminder.Id))),
        ]);
    }

    /// <summary>Asks back: the suggested dates as buttons and a date input. Never a guessed date.</summary>
    public static JsonObject Clarify(ClarificationReason reason, IReadOnlyList<Schedule> suggestions, string? caseReference, string? subject, Lang lang)
    {
        var en = lang == Lang.En;
        var body = new List<JsonNode>
        {
            Heading(en ? "Which date do you mean?" : "Welke datum bedoel je?"),
            Text(Question(reason, en)),
        };
        if (caseReference is not null || subject is not null)
        {
            body.Add(Text(What(new ReminderView("", caseReference, subject, default, default), en), subtle: true));
        }

        var choices = suggestions.Take(4).Select(s => Execute(
            DateText(s.First, en) + (s.Time != Schedule.DefaultTime ? " " + s.Time.ToString("HH:mm", CultureInfo.InvariantCulture) : "") + Recurrence(s.Every, s.Until, en),
            ReminderVerbs.Set,
            SetData(s, caseReference, subject))).ToList();
        if (choices.Count > 0)
        {
            body.Add(ActionSet(choices, spacing: "Medium"));
        }

        body.Add(DateInput(null, en ? "Or choose a date" : "Of kies een datum"));
        return Card(body,
        [
            Execute(en ? "Set reminder" : "Zet herinnering", ReminderVerbs.Set, Data(
                (ReminderData.CaseReference, caseReference), (ReminderData.Subject, subject))),
        ]);
    }

    public static JsonObject List(IReadOnlyList<ReminderView> reminders, Lang lang)
    {
        var en = lang == Lang.En;
        var body = new List<JsonNode> { Heading(en ? "Your reminders" : "Je herinneringen") };
        if (reminders.Count == 0)
        {
            body.Add(Text(en
                ? "You have no upcoming reminders. Set one like: \"remind me on 15 January about the evaluation of case 2024-17\"."
                : "Je hebt geen komende herinneringen. Zet er een, bijvoorbeeld: \"herinner me op 15 januari aan de evaluatie van casus 2024-17\"."));
            return Card(body);
        }

        foreach (var reminder in reminders.Take(MaxListItems))
        {
            body.Add(Container(
            [
                Text(What(reminder, en), weight: "Bolder"),
                Text(When(reminder, en), subtle: true, spacing: "None"),
                DateInput(reminder.Id, en ? "New date" : "Nieuwe datum"),
                ActionSet(ItemActions(reminder, en, snooze: null)),
            ], separator: true, spacing: "Medium"));
        }

        if (reminders.Count > MaxListItems)
        {
            body.Add(Text(en ? $"And {reminders.Count - MaxListItems} more." : $"En nog {reminders.Count - MaxListItems}.", subtle: true));
        }

        return Card(body);
    }

    /// <summary>The proactive card: one reminder, or (after downtime) every due reminder of the user on one card.</summary>
    public static JsonObject Nudge(IReadOnlyList<NudgeView> items, DateOnly today, Lang lang)
    {
        var en = lang == Lang.En;
        var body = new List<JsonNode>();
        if (items.Any(i => i.IsLate))
        {
            body.Add(Text(en ? "⏰ Sorry, this comes late: I could not send it on time." : "⏰ Sorry, dit bericht komt te laat: ik kon het niet op tijd sturen.",
                color: "Attention", weight: "Bolder"));
        }

        body.Add(Heading(items.Count == 1 ? Title(items[0], today, en) : (en ? $"{items.Count} reminders" : $"{items.Count} herinneringen")));
        foreach (var item in items)
        {
            var reminder = item.Reminder;
            var lines = new List<JsonNode>();
            if (items.Count > 1)
            {
                lines.Add(Text(Title(item, today, en), weight: "Bolder"));
            }

            lines.Add(Text(What(reminder, en)));
            lines.Add(Text(item.Kind == NudgeCardKind.LongRunning && reminder.EngagementStart is { } start
                ? (en ? "Engagement started " : "Betrokkenheid gestart ") + DateText(start, en)
                : (en ? "Due: " : "Datum: ") + DateText(item.Occurrence, en) + (item.IsLate ? (en ? " (late)" : " (te laat)") : ""), subtle: true, spacing: "None"));
            lines.Add(DateInput(reminder.Id, en ? "Move to" : "Verplaatsen naar"));
            lines.Add(ActionSet(ItemActions(reminder, en, snooze: item.Occurrence)));
            body.Add(Container(lines, separator: items.Count > 1, spacing: "Medium"));
        }

        return Card(body);
    }

    /// <summary>A GI engagement without an evaluation date: the proposed date as a button, or another date.</summary>
    public static JsonObject EngagementProposal(string engagementId, string caseReference, DateOnly proposed, Lang lang)
    {
        var en = lang == Lang.En;
        var data = Data((ReminderData.Date, Iso(proposed)), (ReminderData.CaseReference, caseReference), (ReminderData.EngagementId, engagementId));
        return Card(
        [
            Heading(en ? "Set an evaluation date?" : "Evaluatiedatum afspreken?"),
            Text(en
                ? $"The engagement for case {caseReference} has no evaluation date yet. Agree on one; I propose {DateText(proposed, en)}."
                : $"De betrokkenheid bij casus {caseReference} heeft nog geen evaluatiedatum. Spreek er een af; ik stel {DateText(proposed, en)} voor."),
            ActionSet([Execute((en ? "Remind me on " : "Herinner me op ") + DateText(proposed, en), ReminderVerbs.Set, data)], spacing: "Medium"),
            DateInput(null, en ? "Or choose a date" : "Of kies een datum"),
        ],
        [
            Execute(en ? "Set reminder" : "Zet herinnering", ReminderVerbs.Set, Data((ReminderData.CaseReference, caseReference), (ReminderData.EngagementId, engagementId))),
        ]);
    }

    /// <summary>What replaces a card after a button: the outcome in one line, and the way to the list.</summary>
    public static JsonObject Status(string title, string? detail, Lang lang, bool attention = false)
    {
        var en = lang == Lang.En;
        var body = new List<JsonNode> { Text(title, size: "Medium", weight: "Bolder", color: attention ? "Attention" : "Good") };
        if (detail is not null)
        {
            body.Add(Text(detail, subtle: true, spacing: "Small"));
        }

        return Card(body, [Execute(en ? "My reminders" : "Mijn herinneringen", ReminderVerbs.List, new JsonObject())]);
    }

    public static string What(ReminderView reminder, bool en)
    {
        if (reminder.IsEngagement)
        {
            return en ? $"Engagement for case {reminder.CaseReference ?? "?"} still open?" : $"Betrokkenheid bij casus {reminder.CaseReference ?? "?"} nog open?";
        }

        var subject = reminder.Subject ?? (en ? "Evaluation" : "Evaluatie");
        return reminder.CaseReference is { } caseRef ? $"{subject} — {(en ? "case" : "casus")} {caseRef}" : subject;
    }

    public static string When(ReminderView reminder, bool en) =>
        DateText(reminder.DueDate, en)
        + (reminder.Time != Schedule.DefaultTime ? (en ? " at " : " om ") + reminder.Time.ToString("HH:mm", CultureInfo.InvariantCulture) : "")
        + Recurrence(reminder.Every, reminder.Until, en);

    private static string Title(NudgeView item, DateOnly today, bool en) => item.Kind switch
    {
        NudgeCardKind.LongRunning => en ? "Engagement open for 12+ weeks" : "Betrokkenheid loopt al 12+ weken",
        NudgeCardKind.Before => en ? $"Coming up in {item.Occurrence.DayNumber - today.DayNumber} days" : $"Over {item.Occurrence.DayNumber - today.DayNumber} dagen",
        _ when item.Occurrence < today => en ? "Overdue evaluation" : "Evaluatie verlopen",
        _ => en ? "Evaluation due today" : "Vandaag evalueren",
    };

    private static List<JsonNode> ItemActions(ReminderView reminder, bool en, DateOnly? snooze)
    {
        var id = (ReminderData.ReminderId, (string?)reminder.Id);
        var occurrence = (ReminderData.Occurrence, snooze is { } o ? Iso(o) : null);
        var actions = new List<JsonNode>
        {
            Execute(en ? "Done" : "Afgerond", ReminderVerbs.Done, Data(id, occurrence)),
            Execute(en ? "Move" : "Verplaatsen", ReminderVerbs.Move, Data(id, (ReminderData.DateField, DateInputId(reminder.Id)))),
        };
        if (snooze is not null)
        {
            actions.Add(Execute(en ? "Tomorrow again" : "Morgen opnieuw", ReminderVerbs.Snooze, Data(id, occurrence)));
        }
        else
        {
            actions.Add(Execute(en ? "Cancel" : "Annuleren", ReminderVerbs.Cancel, Data(id)));
        }

        if (reminder.RequestId is { } requestId)
        {
            actions.Add(Execute(en ? "Open request" : "Open aanvraag", CardVerbs.RequestOpen, Data((ReminderData.RequestId, requestId))));
        }

        return actions;
    }

    private static JsonObject SetData(Schedule s, string? caseReference, string? subject) => Data(
        (ReminderData.Date, Iso(s.First)),
        (ReminderData.Time, s.Time.ToString("HH:mm", CultureInfo.InvariantCulture)),
        (ReminderData.EveryCount, s.Every?.Count.ToString(CultureInfo.InvariantCulture)),
        (ReminderData.EveryUnit, s.Every?.Unit.ToString()),
        (ReminderData.Until, s.Until is { } u ? Iso(u) : null),
        (ReminderData.CaseReference, caseReference),
        (ReminderData.Subject, subject));

    private static JsonObject DateInput(string? reminderId, string label) => new()
    {
        ["type"] = "Input.Date",
        ["id"] = DateInputId(reminderId),
        ["label"] = label,
    };

    private static string Question(ClarificationReason reason, bool en) => reason switch
    {
        ClarificationReason.NoDate => en ? "On which date should I remind you?" : "Op welke datum moet ik je herinneren?",
        ClarificationReason.DateInPast => en ? "That date has passed. Which date do you mean?" : "Die datum is al voorbij. Welke datum bedoel je?",
        ClarificationReason.DateIsToday => en ? "That is today. Do you mean today, or next year?" : "Dat is vandaag. Bedoel je vandaag, of volgend jaar?",
        ClarificationReason.AmbiguousDate => en ? "That date can mean more than one day. Which one?" : "Die datum kan meer dan één dag betekenen. Welke bedoel je?",
        ClarificationReason.InvalidDate => en ? "That date does not exist. Which date do you mean?" : "Die datum bestaat niet. Welke datum bedoel je?",
        ClarificationReason.WeekdayMismatch => en ? "The weekday and the date do not match. Which do you mean?" : "De dag en de datum passen niet bij elkaar. Welke bedoel je?",
        ClarificationReason.AmbiguousTime => en ? "Which time do you mean?" : "Welk tijdstip bedoel je?",
        ClarificationReason.InvalidTime => en ? "That time does not exist. Choose a date; I'll remind you at 09:00." : "Dat tijdstip bestaat niet. Kies een datum; ik herinner je om 09:00.",
        _ => en ? "The end date lies before the first date. Which dates do you mean?" : "De einddatum ligt vóór de eerste datum. Welke data bedoel je?",
    };

    private static string Recurrence(Interval? every, DateOnly? until, bool en)
    {
        if (every is null)
        {
            return "";
        }

        var unit = (every.Unit, every.Count == 1, en) switch
        {
            (IntervalUnit.Days, true, true) => "day",
            (IntervalUnit.Days, false, true) => "days",
            (IntervalUnit.Weeks, true, true) => "week",
            (IntervalUnit.Weeks, false, true) => "weeks",
            (IntervalUnit.Months, true, true) => "month",
            (IntervalUnit.Months, false, true) => "months",
            (IntervalUnit.Days, true, false) => "dag",
            (IntervalUnit.Days, false, false) => "dagen",
            (IntervalUnit.Weeks, true, false) => "week",
            (IntervalUnit.Weeks, false, false) => "weken",
            (IntervalUnit.Months, true, false) => "maand",
            _ => "maanden",
        };
        var text = en ? $", every {(every.Count == 1 ? "" : every.Count + " ")}{unit}" : $", elke {(every.Count == 1 ? "" : every.Count + " ")}{unit}";
        return until is { } end ? text + (en ? " until " : " tot ") + DateText(end, en) : text;
    }

    private static readonly string[] DaysNl = ["zondag", "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag"];
    private static readonly string[] MonthsNl = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"];
    private static readonly string[] MonthsEn = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>"dinsdag 15 januari 2026" / "Tuesday 15 January 2026", without depending on the host's culture data.</summary>
    public static string DateText(DateOnly date, bool en) => en
        ? $"{date.DayOfWeek} {date.Day} {MonthsEn[date.Month - 1]} {date.Year}"
        : $"{DaysNl[(int)date.DayOfWeek]} {date.Day} {MonthsNl[date.Month - 1]} {date.Year}";

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

internal static class ReminderVerbs
{
    /// <summary>Data: <c>{ date?, time?, everyCount?, everyUnit?, until?, caseRef?, subject?, engagementId? }</c>; the date may come from the input.</summary>
    public const string Set = "reminder.set";

    /// <summary>Data: <c>{}</c>.</summary>
    public const string List = "reminder.list";

    /// <summary>Data: <c>{ reminderId, dateField }</c>; the new date is the input named by dateField.</summary>
    public const string Move = "reminder.move";

    /// <summary>Data: <c>{ reminderId, occurrence? }</c>.</summary>
    public const string Done = "reminder.done";

    /// <summary>Data: <c>{ reminderId, occurrence? }</c>.</summary>
    public const string Snooze = "reminder.snooze";

    /// <summary>Data: <c>{ reminderId }</c>.</summary>
    public const string Cancel = "reminder.cancel";
}

internal static class ReminderData
{
    public const string ReminderId = "reminderId";
    public const string Occurrence = "occurrence";
    public const string Date = "date";
    public const string DateField = "dateField";
    public const string Time = "time";
    public const string EveryCount = "everyCount";
    public const string EveryUnit = "everyUnit";
    public const string Until = "until";
    public const string CaseReference = "caseRef";
    public const string Subject = "subject";
    public const string EngagementId = "engagementId";
    public const string RequestId = "requestId";
}
