using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Reminders;

// Case reference, time of day and recurrence: the passes before the date forms.
public static partial class ReminderDateReader
{
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
}
