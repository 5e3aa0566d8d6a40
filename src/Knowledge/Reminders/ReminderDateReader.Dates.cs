using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Reminders;

// The date forms, from most to least specific, and the calendar helpers they share.
public static partial class ReminderDateReader
{
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
}
