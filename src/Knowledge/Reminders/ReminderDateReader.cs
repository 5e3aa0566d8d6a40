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

    // ---- Case reference ----

    private static string? TakeCaseReference(Scanner scan)
    {
        foreach (Match match in CaseReference().Matches(scan.Text))
        {
            var reference = match.Groups["ref"];
            var digits = reference.Value.Count(char.IsAsciiDigit);
            var more = match.Groups["more"];

            // A nine-digit number ("123456789", "123 456 789") may be a BSN: blanked so it cannot reach the subject,
            // never kept. Digits after a real reference ("casus 2024-17 15 januari") are left for the date passes.
            if (more.Success && digits + more.Value.Count(char.IsAsciiDigit) == 9)
            {
                scan.Erase(match.Index, match.Length);
                continue;
            }

            scan.Erase(match.Index, reference.Index + reference.Length - match.Index);
            if (digits > 12 || digits == 9 || LongDigitRun().IsMatch(reference.Value))
            {
                continue;
            }

            return scan.Original.Substring(reference.Index, reference.Length).ToUpperInvariant();
        }

        return null;
    }

    // ---- Time ----

    private sealed record TimeRead(IReadOnlyList<TimeOnly> Alternatives, bool Invalid);

    private static TimeRead TakeTime(Scanner scan)
    {
        // "over 2 uur" needs the current time, which the reader does not have: taken so it reads as no date.
        foreach (Match match in HoursFromNow().Matches(scan.Text))
        {
            scan.Erase(match.Index, match.Length);
        }

        // "'s middags", "tomorrow afternoon", "dinsdagochtend": settles "om 2 uur" and, alone, sets the time.
        bool? afternoon = null;
        var daypart = Daypart().Match(scan.Text);
        if (daypart.Success)
        {
            var words = daypart.Groups["dp"];
            scan.Erase(words.Index, words.Length);
            afternoon = daypart.Groups["pm"].Success;
        }

        foreach (var regex in (Regex[])[TimeAfterWord(), TimeWithColon(), TimeWithUnit()])
        {
            var match = regex.Match(scan.Text);
            if (!match.Success)
            {
                continue;
            }

            scan.Erase(match.Index, match.Length);
            int hour;
            int minute;
            bool unpadded;
            if (match.Groups["half"].Success)
            {
                // Dutch "half drie" is 2:30.
                hour = Number(match.Groups["half"].Value) - 1;
                hour = hour == 0 ? 12 : hour;
                minute = 30;
                unpadded = true;
            }
            else
            {
                hour = int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture);
                minute = match.Groups["mi"].Success ? int.Parse(match.Groups["mi"].Value, CultureInfo.InvariantCulture) : 0;
                unpadded = match.Groups["h"].Length == 1;
            }

            var suffix = match.Groups["ap"].Value.Replace(".", string.Empty, StringComparison.Ordinal);
            if (minute > 59 || hour > 23 || suffix is "am" or "pm" && hour is < 1 or > 12)
            {
                return new TimeRead([], Invalid: true);
            }

            if (suffix is "am" or "pm")
            {
                return new TimeRead([new TimeOnly((hour % 12) + (suffix == "pm" ? 12 : 0), minute)], Invalid: false);
            }

            if (afternoon is { } pm && hour is >= 1 and <= 12)
            {
                return new TimeRead([new TimeOnly(pm ? (hour % 12) + 12 : hour % 12, minute)], Invalid: false);
            }

            // "om 2 uur", "at 3": nobody means 03:00 for a work reminder, but 15:00 would still be a guess.
            return hour is >= 1 and <= 7 && unpadded
                ? new TimeRead([new TimeOnly(hour, minute), new TimeOnly(hour + 12, minute)], Invalid: false)
                : new TimeRead([new TimeOnly(hour, minute)], Invalid: false);
        }

        // A morning reminder keeps the default 09:00; an afternoon one without a time goes out at 13:00.
        return new TimeRead(afternoon == true ? [new TimeOnly(13, 0)] : [], Invalid: false);
    }

    // ---- Recurrence ----

    private sealed record Recurrence(Interval? Interval, DayOfWeek? Weekday, bool Invalid);

    private static Recurrence? TakeRecurrence(Scanner scan)
    {
        var match = RecurrenceWords().Match(scan.Text);
        if (!match.Success)
        {
            return null;
        }

        scan.Erase(match.Index, match.Length);
        if (match.Groups["adv"].Success)
        {
            return match.Groups["adv"].Value switch
            {
                "dagelijks" or "daily" => new Recurrence(new Interval(1, IntervalUnit.Days), null, false),
                "wekelijks" or "weekly" => new Recurrence(new Interval(1, IntervalUnit.Weeks), null, false),
                "maandelijks" or "monthly" => new Recurrence(new Interval(1, IntervalUnit.Months), null, false),
                _ => new Recurrence(new Interval(2, IntervalUnit.Weeks), null, false),
            };
        }

        var count = match.Groups["n"].Success ? Number(match.Groups["n"].Value) : 1;
        if (count is < 1 or > 365)
        {
            return new Recurrence(null, null, Invalid: true);
        }

        if (match.Groups["wd"].Success)
        {
            return new Recurrence(new Interval(count, IntervalUnit.Weeks), Weekdays[match.Groups["wd"].Value], false);
        }

        var interval = UnitOf(match.Groups["u"].Value) switch
        {
            Unit.Days => new Interval(count, IntervalUnit.Days),
            Unit.Weeks => new Interval(count, IntervalUnit.Weeks),
            Unit.Months => new Interval(count, IntervalUnit.Months),
            _ => new Interval(12 * count, IntervalUnit.Months),
        };
        return new Recurrence(interval, null, false);
    }

    // ---- Dates ----

    private sealed record Context(DateOnly Today, Lang Lang, HolidayRules Holidays);

    /// <summary>
    /// A resolved date, or a reason to ask back with suggested dates. <see cref="End"/> is the last day a stretch
    /// ("eind juni", "volgende week") covers, which settles it when it ends a recurrence ("tot eind juni").
    /// </summary>
    private sealed record Outcome(DateOnly? Date, ClarificationReason? Reason, IReadOnlyList<DateOnly> Suggestions, DateOnly? End = null)
    {
        public static Outcome Of(DateOnly date) => new(date, null, []);

        public static Outcome Ask(ClarificationReason reason, IEnumerable<DateOnly> suggestions, DateOnly? date = null, DateOnly? end = null) =>
            new(date, reason, [.. suggestions.Distinct().Order()], end);
    }

    /// <summary>A date phrase; resolves against a reference day (today, or the first occurrence for an end date).</summary>
    private sealed record Finding(int Start, Func<DateOnly, Outcome> Resolve);

    private static List<Finding> TakeDates(Scanner scan, Context context)
    {
        var findings = new List<Finding>();
        void Take(Regex regex, Func<Match, Func<DateOnly, Outcome>?> read)
        {
            foreach (Match match in regex.Matches(scan.Text))
            {
                if (read(match) is { } resolve)
                {
                    scan.Erase(match.Index, match.Length);
                    findings.Add(new Finding(match.Index, resolve));
                }
            }
        }

        var today = context.Today;
        Take(RangeOfUnits(), m =>
        {
            var (low, high) = (Number(m.Groups["n"].Value), Number(m.Groups["n2"].Value));
            var unit = UnitOf(m.Groups["u"].Value);
            if (low < 1 || high <= low || high - low > 6)
            {
                return null;
            }

            int[] counts = high - low == 2 ? [low, low + 1, high] : [low, high];
            return _ => Outcome.Ask(ClarificationReason.AmbiguousDate, counts.Select(c => Add(today, unit, c)));
        });
        Take(HalfUnits(), m =>
        {
            var unit = m.Groups["u"].Value;
            return m.Groups["half"].Success ? _ => Outcome.Of(today.AddMonths(6))
                : unit.Length == 0 ? _ => Outcome.Of(today.AddMonths(18))
                : unit == "week" ? _ => Outcome.Ask(ClarificationReason.AmbiguousDate, [today.AddDays(10), today.AddDays(11)])
                : _ => Outcome.Ask(ClarificationReason.AmbiguousDate, [today.AddDays(42), today.AddMonths(1).AddDays(15)]);
        });
        Take(IsoDate(), m => Absolute(m, Int(m, "d"), Int(m, "m"), Int(m, "y"), context));
        Take(NumericDate(), m => Numeric(m, context));
        Take(DayMonthDate(), m => Absolute(m, Int(m, "d"), Months[m.Groups["m"].Value], YearOf(m), context));
        Take(MonthDayDate(), m => Absolute(m, Int(m, "d"), Months[m.Groups["m"].Value], YearOf(m), context));
        Take(RelativeDate(), m =>
        {
            var count = Number(m.Groups["n"].Value);
            var unit = UnitOf(m.Groups["u"].Value);
            return count < 1
                ? _ => Outcome.Ask(ClarificationReason.InvalidDate, [])
                : _ => Outcome.Of(Add(today, unit, count));
        });
        Take(FewUnits(), m =>
        {
            var unit = UnitOf(m.Groups["u"].Value);
            return _ => Outcome.Ask(ClarificationReason.AmbiguousDate, [Add(today, unit, 2), Add(today, unit, 3), Add(today, unit, 4)]);
        });
        Take(WeekdayNextWeek(), m =>
        {
            var weekday = Weekdays[m.Groups["wd"].Value];
            var monday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
            return _ => Outcome.Of(monday.AddDays(((int)weekday + 6) % 7));
        });
        Take(NextWeekday(), m =>
        {
            // "next Friday" said on a Monday: this Friday or the one after? Only then is it asked back.
            var weekday = Weekdays[m.Groups["wd"].Value];
            var coming = Coming(today, weekday);
            var sameWeek = ((int)weekday + 6) % 7 > ((int)today.DayOfWeek + 6) % 7;
            return _ => sameWeek
                ? Outcome.Ask(ClarificationReason.AmbiguousDate, [coming, coming.AddDays(7)])
                : Outcome.Of(coming);
        });
        Take(ComingWeekday(), m => ComingDay(m, today));
        Take(BareWeekday(), m => ComingDay(m, today));
        Take(DayWord(), m =>
        {
            var word = m.Groups["w"].Value;
            var date = word.StartsWith("over", StringComparison.Ordinal) || word.EndsWith("after tomorrow", StringComparison.Ordinal)
                ? today.AddDays(2)
                : word is "morgen" or "tomorrow" ? today.AddDays(1) : today;
            return _ => Outcome.Of(date);
        });
        Take(IsoWeek(), m => Week(m, context));
        Take(MonthPeriod(), m => Period(m, context));
        Take(MonthAfterUntil(), m => Period(m, context));
        Take(VaguePeriod(), m => Vague(m, context));
        return [.. findings.OrderBy(f => f.Start)];
    }

    private static Func<DateOnly, Outcome> ComingDay(Match match, DateOnly today)
    {
        var date = Coming(today, Weekdays[match.Groups["wd"].Value]);
        return _ => Outcome.Of(date);
    }

    /// <summary>The first <paramref name="weekday"/> strictly after today: "dinsdag" said on a Tuesday is next week.</summary>
    private static DateOnly Coming(DateOnly today, DayOfWeek weekday)
    {
        var ahead = ((int)weekday - (int)today.DayOfWeek + 7) % 7;
        return today.AddDays(ahead == 0 ? 7 : ahead);
    }

    private static Func<DateOnly, Outcome>? Numeric(Match match, Context context)
    {
        var separator = match.Groups["sep"].Value;
        var hasYear = match.Groups["y"].Success;
        if (separator == "." && !hasYear)
        {
            return null;
        }

        var a = Int(match, "a");
        var b = Int(match, "b");
        var year = YearOf(match);

        // Dutch writes day-month. In English "04/03" may be either, so it is asked back unless one part is over 12.
        if (context.Lang == Lang.En && a <= 12 && b <= 12 && a != b)
        {
            var dayMonth = Absolute(match, a, b, year, context);
            var monthDay = Absolute(match, b, a, year, context);
            return reference =>
            {
                var readings = new[] { dayMonth(reference), monthDay(reference) };
                var dates = readings.Select(r => r.Reason is null ? r.Date : r.Suggestions.FirstOrDefault())
                    .OfType<DateOnly>()
                    .Where(d => d > context.Today);
                return Outcome.Ask(ClarificationReason.AmbiguousDate, dates);
            };
        }

        return context.Lang == Lang.En && a <= 12 && b > 12
            ? Absolute(match, b, a, year, context)
            : Absolute(match, a, b, year, context);
    }

    /// <summary>
    /// A calendar date. Without a year it is the next occurrence on or after the reference day; that being today is
    /// asked back (today, or next year?), as is an explicit date in the past.
    /// </summary>
    private static Func<DateOnly, Outcome> Absolute(Match match, int day, int month, int? year, Context context)
    {
        DayOfWeek? weekday = match.Groups["wd"].Success ? Weekdays[match.Groups["wd"].Value] : null;
        if (month is < 1 or > 12 || day is < 1 or > 31 || year is < 1 or > 9999)
        {
            return _ => Outcome.Ask(ClarificationReason.InvalidDate, []);
        }

        if (year is { } y && !IsValid(y, month, day) || year is null && !IsValid(2028, month, day))
        {
            return _ => Outcome.Ask(ClarificationReason.InvalidDate, []);
        }

        var today = context.Today;
        return reference =>
        {
            DateOnly date;
            if (year is { } explicitYear)
            {
                date = new DateOnly(explicitYear, month, day);
                if (date < reference)
                {
                    return Outcome.Ask(ClarificationReason.DateInPast, [NextOn(month, day, today.AddDays(1))], date);
                }
            }
            else
            {
                date = NextOn(month, day, reference);
            }

            if (weekday is { } named && named != date.DayOfWeek)
            {
                // Offer the date as written and the named weekday nearest to it.
                var ahead = ((int)named - (int)date.DayOfWeek + 7) % 7;
                var nearest = date.AddDays(ahead > 3 ? ahead - 7 : ahead);
                return Outcome.Ask(ClarificationReason.WeekdayMismatch, new[] { date, nearest }.Where(d => d > today));
            }

            if (date == today && reference == today)
            {
                return Outcome.Ask(ClarificationReason.DateIsToday, year is null ? [today, NextOn(month, day, today.AddDays(1))] : [today], date);
            }

            return Outcome.Of(date);
        };
    }

    /// <summary>"eind januari", "mid March", "in mei": a stretch of days, so two or three working days are offered.</summary>
    private static Func<DateOnly, Outcome> Period(Match match, Context context)
    {
        var today = context.Today;
        var part = match.Groups["p"].Value;
        int month;
        int? year = YearOf(match);
        if (match.Groups["rel"].Success)
        {
            var relative = match.Groups["rel"].Value;
            var next = relative.StartsWith("volgende", StringComparison.Ordinal) || relative.StartsWith("next", StringComparison.Ordinal);
            var start = next ? today.AddMonths(1) : today;
            (month, year) = (start.Month, start.Year);
        }
        else
        {
            month = Months[match.Groups["m"].Value];
        }

        return reference =>
        {
            var candidates = new List<DateOnly>();
            var firstYear = year ?? reference.Year;
            for (var y = firstYear; y <= firstYear + 1 && candidates.Count == 0; y++)
            {
                candidates = [.. PeriodDays(part, y, month, context.Holidays).Where(d => d > today)];
                if (year is not null)
                {
                    break;
                }
            }

            if (candidates.Count == 0)
            {
                var nextYear = Math.Max(year ?? today.Year, today.Year) + 1;
                return Outcome.Ask(
                    year is null ? ClarificationReason.AmbiguousDate : ClarificationReason.DateInPast,
                    PeriodDays(part, nextYear, month, context.Holidays),
                    end: PeriodEnd(part, nextYear, month));
            }

            var last = candidates[^1];
            return Outcome.Ask(ClarificationReason.AmbiguousDate, candidates, end: PeriodEnd(part, last.Year, month));
        };
    }

    private enum Part
    {
        Begin,
        Middle,
        End,
        Whole,
    }

    private static Part PartOf(string word) => word switch
    {
        "begin" or "begin van" or "early" or "beginning of" or "the beginning of" => Part.Begin,
        "half" or "halverwege" or "medio" or "midden" or "mid" or "middle of" or "the middle of" => Part.Middle,
        "eind" or "einde" or "eind van" or "einde van" or "late" or "end of" or "the end of" => Part.End,
        _ => Part.Whole,
    };

    // As an end date: "tot begin juni" runs to the 10th, "tot half juni" to the 20th, "tot (eind) juni" to the last day.
    private static DateOnly PeriodEnd(string part, int year, int month) => new(year, month, PartOf(part) switch
    {
        Part.Begin => 10,
        Part.Middle => 20,
        _ => DateTime.DaysInMonth(year, month),
    });

    private static IEnumerable<DateOnly> PeriodDays(string part, int year, int month, HolidayRules holidays)
    {
        if (year is < 1 or > 9998)
        {
            yield break;
        }

        var last = DateTime.DaysInMonth(year, month);
        DateOnly Forward(int day) => WorkingDays.OnOrAfter(new DateOnly(year, month, day), holidays);
        DateOnly Back(int day) => WorkingDays.OnOrBefore(new DateOnly(year, month, day), holidays);
        IEnumerable<DateOnly> days = PartOf(part) switch
        {
            Part.Begin => [Forward(1), Forward(5), Forward(8)],
            Part.Middle => [Forward(12), Forward(15), Forward(18)],
            Part.End => [Back(last - 8), Back(last - 4), Back(last)],
            _ => [Forward(1), Forward(15), Back(last)],
        };
        foreach (var day in days.Where(d => d.Month == month).Distinct().Order())
        {
            yield return day;
        }
    }

    /// <summary>"in week 3": Monday, Wednesday and Friday of that ISO week, in the next year that still has it ahead.</summary>
    private static Func<DateOnly, Outcome>? Week(Match match, Context context)
    {
        var week = Int(match, "w");
        var year = YearOf(match);
        if (week is < 1 or > 53)
        {
            return null;
        }

        var today = context.Today;
        return _ =>
        {
            var firstYear = year ?? ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue));
            for (var y = firstYear; y <= firstYear + 1; y++)
            {
                if (week > ISOWeek.GetWeeksInYear(y))
                {
                    return Outcome.Ask(ClarificationReason.InvalidDate, []);
                }

                var monday = DateOnly.FromDateTime(ISOWeek.ToDateTime(y, week, DayOfWeek.Monday));
                var days = new[] { monday, monday.AddDays(2), monday.AddDays(4) }
                    .Where(d => d > today && WorkingDays.IsWorkingDay(d, context.Holidays))
                    .ToList();
                if (days.Count > 0 || year is not null)
                {
                    return days.Count > 0
                        ? Outcome.Ask(ClarificationReason.AmbiguousDate, days, end: monday.AddDays(6))
                        : Outcome.Ask(ClarificationReason.DateInPast, []);
                }
            }

            return Outcome.Ask(ClarificationReason.AmbiguousDate, []);
        };
    }

    /// <summary>"volgende week", "next month" without a day: offered as a few working days.</summary>
    private static Func<DateOnly, Outcome> Vague(Match match, Context context)
    {
        var today = context.Today;
        var relative = match.Groups["rel"].Value;
        if (relative.EndsWith("week", StringComparison.Ordinal))
        {
            var monday = today.AddDays(7 - (((int)today.DayOfWeek + 6) % 7));
            var days = new[] { monday, monday.AddDays(2), monday.AddDays(4) }.Where(d => WorkingDays.IsWorkingDay(d, context.Holidays));
            return _ => Outcome.Ask(ClarificationReason.AmbiguousDate, days, end: monday.AddDays(6));
        }

        var next = today.AddMonths(1);
        var candidates = PeriodDays(string.Empty, next.Year, next.Month, context.Holidays).ToList();
        var end = new DateOnly(next.Year, next.Month, DateTime.DaysInMonth(next.Year, next.Month));
        return _ => Outcome.Ask(ClarificationReason.AmbiguousDate, candidates, end: end);
    }

    private static DateOnly NextOn(int month, int day, DateOnly onOrAfter)
    {
        for (var year = onOrAfter.Year; year <= onOrAfter.Year + 8; year++)
        {
            if (IsValid(year, month, day) && new DateOnly(year, month, day) >= onOrAfter)
            {
                return new DateOnly(year, month, day);
            }
        }

        throw new UnreachableException();
    }

    private static bool IsValid(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static int Int(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int? YearOf(Match match)
    {
        if (!match.Groups["y"].Success)
        {
            return null;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        return match.Groups["y"].Length == 2 ? 2000 + year : year;
    }

    private enum Unit
    {
        Days,
        Weeks,
        Months,
        Years,
    }

    private static Unit UnitOf(string word) => word switch
    {
        "dag" or "dagen" or "day" or "days" => Unit.Days,
        "week" or "weken" or "weeks" => Unit.Weeks,
        "maand" or "maanden" or "month" or "months" => Unit.Months,
        _ => Unit.Years,
    };

    private static DateOnly Add(DateOnly date, Unit unit, int count) => unit switch
    {
        Unit.Days => date.AddDays(count),
        Unit.Weeks => date.AddDays(7 * count),
        Unit.Months => date.AddMonths(count),
        _ => date.AddYears(count),
    };

    private static int Number(string word) => word switch
    {
        "een" or "one" or "a" or "an" => 1,
        "twee" or "two" or "other" or "andere" => 2,
        "drie" or "three" => 3,
        "vier" or "four" => 4,
        "vijf" or "five" => 5,
        "zes" or "six" => 6,
        "zeven" or "seven" => 7,
        "acht" or "eight" => 8,
        "negen" or "nine" => 9,
        "tien" or "ten" => 10,
        "elf" or "eleven" => 11,
        "twaalf" or "twelve" => 12,
        _ => int.Parse(word, CultureInfo.InvariantCulture),
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.Ordinal)
    {
        ["maandag"] = DayOfWeek.Monday, ["dinsdag"] = DayOfWeek.Tuesday, ["woensdag"] = DayOfWeek.Wednesday,
        ["donderdag"] = DayOfWeek.Thursday, ["vrijdag"] = DayOfWeek.Friday, ["zaterdag"] = DayOfWeek.Saturday,
        ["zondag"] = DayOfWeek.Sunday, ["monday"] = DayOfWeek.Monday, ["tuesday"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["thursday"] = DayOfWeek.Thursday, ["friday"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["sunday"] = DayOfWeek.Sunday,
        ["ma"] = DayOfWeek.Monday, ["di"] = DayOfWeek.Tuesday, ["wo"] = DayOfWeek.Wednesday, ["do"] = DayOfWeek.Thursday,
        ["vr"] = DayOfWeek.Friday, ["za"] = DayOfWeek.Saturday, ["zo"] = DayOfWeek.Sunday,
        ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday, ["tues"] = DayOfWeek.Tuesday, ["wed"] = DayOfWeek.Wednesday,
        ["thu"] = DayOfWeek.Thursday, ["thur"] = DayOfWeek.Thursday, ["thurs"] = DayOfWeek.Thursday,
        ["fri"] = DayOfWeek.Friday, ["sat"] = DayOfWeek.Saturday, ["sun"] = DayOfWeek.Sunday,
    };

    private static readonly Dictionary<string, int> Months = new(StringComparer.Ordinal)
    {
        ["januari"] = 1, ["january"] = 1, ["jan"] = 1, ["februari"] = 2, ["february"] = 2, ["feb"] = 2,
        ["maart"] = 3, ["march"] = 3, ["mrt"] = 3, ["mar"] = 3, ["april"] = 4, ["apr"] = 4, ["mei"] = 5, ["may"] = 5,
        ["juni"] = 6, ["june"] = 6, ["jun"] = 6, ["juli"] = 7, ["july"] = 7, ["jul"] = 7,
        ["augustus"] = 8, ["august"] = 8, ["aug"] = 8, ["september"] = 9, ["sept"] = 9, ["sep"] = 9,
        ["oktober"] = 10, ["october"] = 10, ["okt"] = 10, ["oct"] = 10, ["november"] = 11, ["nov"] = 11,
        ["december"] = 12, ["dec"] = 12,
    };

    // ---- Subject ----

    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "me", "mij", "ons", "je", "jij", "u", "kun", "kunt", "kan", "wil", "wilt", "zou", "graag", "even", "nog", "eens",
        "aub", "svp", "alsjeblieft", "alstublieft", "zet", "stuur", "maak", "een", "er", "eraan", "dan", "ook", "wel",
        "please", "pls", "can", "could", "would", "you", "set", "send", "make", "add", "create", "a", "an", "us", "i",
        "want", "to", "ik", "hoi", "hi", "hey", "hallo", "hello", "bot", "maar", "niet", "but", "not", "dank", "bedankt",
        "thanks", "thank", "dankjewel",
    };

    private static readonly HashSet<string> Connectors = new(StringComparer.Ordinal)
    {
        "van", "voor", "in", "op", "om", "aan", "met", "bij", "over", "of", "for", "on", "at", "with", "about", "to",
        "de", "het", "een", "the", "a", "an", "en", "and", "vanaf", "from", "per", "tot", "until", "rond", "around", "is",
        "die", "dat", "that", "which", "m.b.t.", "mbt", "inzake", "betreft", "regarding", "re",
    };

    /// <summary>
    /// The words after "aan/over/voor/om" or "about/to/for/of" up to the next taken phrase or punctuation, without
    /// trailing connectors ("de evaluatie van [casus 2024-17]" → "de evaluatie"). Else the first left-over run of words
    /// after the reminder word that is more than filler. Personal data in it is redacted; at most
    /// <see cref="MaxSubjectLength"/> characters.
    /// </summary>
    private static string? TakeSubject(Scanner scan, int triggerStart)
    {
        var text = scan.Text;
        foreach (Match marker in SubjectMarker().Matches(text))
        {
            var start = marker.Index + marker.Length;
            var end = start;
            while (end < text.Length && text[end] != Blank && !IsStop(text, end))
            {
                end++;
            }

            if (Clean(scan, start, end, stripLeadingFillers: false) is { } subject)
            {
                return subject;
            }
        }

        for (var start = triggerStart; start < text.Length;)
        {
            var end = start;
            while (end < text.Length && text[end] != Blank && !IsStop(text, end))
            {
                end++;
            }

            if (end > start && Clean(scan, start, end, stripLeadingFillers: true) is { } subject && subject.Length >= 4)
            {
                return subject;
            }

            start = end + 1;
        }

        return null;
    }

    // A full stop or colon inside a word ("piet@example.nl", "12:30") does not end the subject.
    private static bool IsStop(string text, int i) => text[i] switch
    {
        '.' or ':' => i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || text[i + 1] == Blank,
        ',' or ';' or '!' or '?' or '\n' or '\r' or '(' or ')' or '"' => true,
        _ => false,
    };

    private static string? Clean(Scanner scan, int start, int end, bool stripLeadingFillers)
    {
        var folded = scan.Text[start..end].Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var original = scan.Original[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).ToList();
        if (folded.Count != original.Count)
        {
            return null;
        }

        while (folded.Count > 0 && (Connectors.Contains(folded[^1]) || Fillers.Contains(folded[^1])))
        {
            folded.RemoveAt(folded.Count - 1);
            original.RemoveAt(original.Count - 1);
        }

        while (stripLeadingFillers && folded.Count > 0
            && (Fillers.Contains(folded[0]) || Connectors.Contains(folded[0]) && folded[0] is not ("de" or "het" or "the")))
        {
            folded.RemoveAt(0);
            original.RemoveAt(0);
        }

        if (folded.Count == 0 || !folded.Any(w => w.Length >= 3 && w.Any(char.IsLetter)))
        {
            return null;
        }

        var subject = PrivacyGuard.Redact(string.Join(' ', original).Trim('\'', '"', '‘', '’', '“', '”', '-', '–'));
        if (subject.Length <= MaxSubjectLength)
        {
            return subject.Length == 0 ? null : subject;
        }

        var cut = subject.LastIndexOf(' ', MaxSubjectLength - 1);
        return string.Concat(subject.AsSpan(0, cut > 20 ? cut : MaxSubjectLength - 1), "…");
    }

    /// <summary>The text folded for matching, with the same length as the original so spans carry over.</summary>
    private sealed class Scanner
    {
        private readonly char[] chars;

        public Scanner(string original)
        {
            Original = original;
            chars = new char[original.Length];
            for (var i = 0; i < original.Length; i++)
            {
                chars[i] = Fold(original[i]);
            }

            Folded = new string(chars);
            Text = Folded;
        }

        public string Original { get; }

        /// <summary>Folded, before anything was taken.</summary>
        public string Folded { get; }

        /// <summary>Folded, with taken phrases blanked out.</summary>
        public string Text { get; private set; }

        public void Erase(int start, int length)
        {
            Array.Fill(chars, Blank, start, length);
            Text = new string(chars);
        }

        private static char Fold(char c)
        {
            if (c is '’' or '‘' or '`')
            {
                return '\'';
            }

            if (char.IsWhiteSpace(c))
            {
                return ' ';
            }

            c = char.ToLowerInvariant(c);
            if (c < 128)
            {
                return c;
            }

            var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
            return decomposed.Length > 0 && decomposed[0] < 128 ? decomposed[0] : c;
        }
    }

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
