using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Reminders;

/// <summary>
/// Reads a reminder request in Dutch or English ("herinner me op 15 januari aan de evaluatie van casus 2024-17",
/// "remind me every 6 weeks until 1 June"). Dates are resolved against the supplied <c>today</c>; a date in the past,
/// a date that could mean two things, or no date at all is asked back, never guessed.
/// </summary>
/// <remarks>
/// The text is folded (lower case, no diacritics, same length) and read in passes: case reference, time,
/// recurrence, then the date forms from most to least specific. Each pass blanks what it took, so a later pass
/// never reads the same words again and what is left over yields the subject.
/// </remarks>
public static partial class ReminderDateReader
{
    public const int MaxSubjectLength = 80;
    private const int MaxTextLength = 1000;
    private const char Blank = '\u0001';

    /// <summary>Reads a message that must ask for a reminder ("herinner", "remind", "reminder", "seintje").</summary>
    public static ReminderParse Read(string text, DateOnly today, Lang lang, HolidayRules? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SafeParse(text, today, lang, holidays ?? HolidayRules.Default, isAnswer: false);
    }

    /// <summary>
    /// Reads the answer to a question the bot asked back ("wanneer?" → "over 6 weken"): no reminder word needed,
    /// but without any date or recurrence it is <see cref="ReminderParse.NotAReminder"/>.
    /// </summary>
    public static ReminderParse ReadAnswer(string text, DateOnly today, Lang lang, HolidayRules? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        return SafeParse(text, today, lang, holidays ?? HolidayRules.Default, isAnswer: true);
    }

    // The patterns are linear and the text is capped, so a timeout is a backstop: it asks instead of failing the turn.
    private static ReminderParse SafeParse(string text, DateOnly today, Lang lang, HolidayRules holidays, bool isAnswer)
    {
        try
        {
            return Parse(text, today, lang, holidays, isAnswer);
        }
        catch (RegexMatchTimeoutException)
        {
            return isAnswer
                ? ReminderParse.NotAReminder.Instance
                : new ReminderParse.NeedsClarification(ClarificationReason.NoDate, [], null, null);
        }
    }

    private static ReminderParse Parse(string text, DateOnly today, Lang lang, HolidayRules holidays, bool isAnswer)
    {
        var scan = new Scanner(text.Length > MaxTextLength ? text[..MaxTextLength] : text);
        var trigger = Trigger().Match(scan.Text);
        if (!isAnswer && !trigger.Success)
        {
            return ReminderParse.NotAReminder.Instance;
        }

        var context = new Context(today, lang, holidays);
        var caseReference = TakeCaseReference(scan);
        var time = TakeTime(scan);
        var recurrence = TakeRecurrence(scan);
        var findings = TakeDates(scan, context);

        Finding? until = null;
        if (recurrence is not null)
        {
            foreach (var finding in findings)
            {
                var keyword = UntilKeyword().Match(scan.Text[..finding.Start]);
                if (keyword.Success)
                {
                    until = finding;
                    scan.Erase(keyword.Index, keyword.Length);
                    break;
                }
            }
        }

        if (trigger.Success)
        {
            scan.Erase(trigger.Index, trigger.Length);
        }

        var subject = TakeSubject(scan, trigger.Success ? trigger.Index : 0);
        var dates = findings.Where(f => f != until).ToList();
        if (dates.Count == 0 && recurrence is null && (isAnswer || QuestionStart().IsMatch(scan.Folded)))
        {
            return ReminderParse.NotAReminder.Instance;
        }

        ReminderParse Ask(ClarificationReason reason, IEnumerable<Schedule> suggestions) =>
            new ReminderParse.NeedsClarification(reason, [.. suggestions.Distinct().Take(6)], caseReference, subject);

        if (recurrence?.Invalid == true || time.Invalid)
        {
            return Ask(recurrence?.Invalid == true ? ClarificationReason.InvalidDate : ClarificationReason.InvalidTime, []);
        }

        var times = time.Alternatives.Count == 0 ? [Schedule.DefaultTime] : time.Alternatives;

        // The first date: named, implied by the recurrence, or missing.
        DateOnly first;
        if (dates.Count == 0)
        {
            if (recurrence is null)
            {
                return Ask(ClarificationReason.NoDate, []);
            }

            first = recurrence.Weekday is { } weekday ? Coming(today, weekday) : recurrence.Interval!.After(today, 1);
        }
        else
        {
            var outcomes = dates.Select(d => d.Resolve(today)).ToList();
            var outcome = outcomes[0];
            if (outcomes.Count > 1)
            {
                var named = outcomes.SelectMany(o => o.Reason is null ? [o.Date!.Value] : o.Suggestions).Distinct().Order().ToList();
                outcome = outcomes.All(o => o.Reason is null) && named.Count == 1
                    ? outcome
                    : new Outcome(null, ClarificationReason.AmbiguousDate, named);
            }

            if (outcome.Reason is { } reason)
            {
                return Ask(reason, Suggest(outcome.Suggestions, times, recurrence, until, today));
            }

            first = outcome.Date!.Value;
            if (recurrence?.Weekday is { } weekday && first.DayOfWeek != weekday)
            {
                first = first.AddDays(((int)weekday - (int)first.DayOfWeek + 7) % 7);
            }
        }

        var schedule = Build(first, times[0], recurrence, until, today, out var untilProblem, out var alternatives);
        if (untilProblem is { } problem)
        {
            return Ask(problem, alternatives);
        }

        return times.Count > 1
            ? Ask(ClarificationReason.AmbiguousTime, times.Select(t => schedule with { Time = t }))
            : new ReminderParse.Understood(schedule, caseReference, subject);
    }

    private static IEnumerable<Schedule> Suggest(
        IReadOnlyList<DateOnly> dates, IReadOnlyList<TimeOnly> times, Recurrence? recurrence, Finding? until, DateOnly today) =>
        from date in dates
        where date >= today
        from time in times
        select Build(date, time, recurrence, until, today, out _, out _);

    private static Schedule Build(
        DateOnly first, TimeOnly time, Recurrence? recurrence, Finding? until, DateOnly today, out ClarificationReason? problem, out IReadOnlyList<Schedule> alternatives)
    {
        problem = null;
        alternatives = [];
        if (recurrence is null)
        {
            return new Schedule(first, time);
        }

        var open = new Schedule(first, time, recurrence.Interval);
        if (until is null)
        {
            return open;
        }

        // Like any date without a year, an end date is the next one on or after today ("tot eind juni": the 30th).
        var (end, endProblem) = EndOf(until, today);
        if (endProblem is not null || end < first)
        {
            problem = endProblem ?? ClarificationReason.UntilBeforeFirst;

            // Offer the recurrence without an end, and with the end date's next occurrence after the first date.
            var later = EndOf(until, first).Date;
            alternatives = later >= first && endProblem is null ? [open, open with { Until = later }] : [open];
            return open;
        }

        return open with { Until = end };
    }

    private static (DateOnly? Date, ClarificationReason? Problem) EndOf(Finding until, DateOnly reference) =>
        until.Resolve(reference) switch
        {
            { Reason: null or ClarificationReason.DateIsToday or ClarificationReason.DateInPast, Date: { } date } => (date, null),
            { Reason: ClarificationReason.DateInPast } => (null, ClarificationReason.UntilBeforeFirst),
            { Reason: ClarificationReason.AmbiguousDate, End: { } last } => (last, null),
            var other => (null, other.Reason),
        };
}
