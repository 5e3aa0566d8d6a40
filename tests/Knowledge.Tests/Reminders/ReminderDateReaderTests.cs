using System.Globalization;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Reminders;

namespace ExpertBot.Knowledge.Tests.Reminders;

public sealed class ReminderDateReaderTests
{
    // Monday 23 November 2026 unless a row says otherwise.
    private const string Today = "2026-11-23";

    [Theory]
    [InlineData("herinner me op 15 januari aan de evaluatie", "2027-01-15 09:00")]
    [InlineData("herinner me op 15 jan", "2027-01-15 09:00")]
    [InlineData("Herinner me op 15 jan. aan het plan", "2027-01-15 09:00")]
    [InlineData("herinner me 15-01", "2027-01-15 09:00")]
    [InlineData("herinner me op 15/1", "2027-01-15 09:00")]
    [InlineData("herinner me op 15-1-2027", "2027-01-15 09:00")]
    [InlineData("herinner me op 15-01-27", "2027-01-15 09:00")]
    [InlineData("herinner me op 15.01.2027", "2027-01-15 09:00")]
    [InlineData("herinner me op 2027-01-15", "2027-01-15 09:00")]
    [InlineData("herinner me op 1e februari", "2027-02-01 09:00")]
    [InlineData("herinner me op vrijdag 15 januari", "2027-01-15 09:00")]
    [InlineData("herinner me op 03-04", "2027-04-03 09:00")]
    [InlineData("herinner me op 22 november", "2027-11-22 09:00")]
    [InlineData("herinner me op 24 november", "2026-11-24 09:00")]
    [InlineData("herinner me op 29 februari", "2028-02-29 09:00")]
    [InlineData("herinner me over 6 weken", "2027-01-04 09:00")]
    [InlineData("herinner me over 3 dagen", "2026-11-26 09:00")]
    [InlineData("herinner me over 2 maanden", "2027-01-23 09:00")]
    [InlineData("herinner me over een week", "2026-11-30 09:00")]
    [InlineData("herinner me over twee weken", "2026-12-07 09:00")]
    [InlineData("herinner me in 2 weken", "2026-12-07 09:00")]
    [InlineData("herinner me volgende week dinsdag", "2026-12-01 09:00")]
    [InlineData("herinner me dinsdag volgende week", "2026-12-01 09:00")]
    [InlineData("herinner me dinsdag", "2026-11-24 09:00")]
    [InlineData("herinner me maandag", "2026-11-30 09:00")]
    [InlineData("herinner me aanstaande vrijdag", "2026-11-27 09:00")]
    [InlineData("herinner me morgen", "2026-11-24 09:00")]
    [InlineData("herinner me overmorgen", "2026-11-25 09:00")]
    [InlineData("herinner me vandaag om 15:00", "2026-11-23 15:00")]
    [InlineData("herinner me op 15 januari om 14:00", "2027-01-15 14:00")]
    [InlineData("herinner me op 15 januari om 14.30 uur", "2027-01-15 14:30")]
    [InlineData("herinner me op 15 januari om 10 uur", "2027-01-15 10:00")]
    [InlineData("herinner me op 15 januari om 08:15", "2027-01-15 08:15")]
    [InlineData("zet een herinnering op 15 januari", "2027-01-15 09:00")]
    [InlineData("Kun je me een seintje geven over 6 weken?", "2027-01-04 09:00")]
    [InlineData("herinner me elke 6 weken tot 1 juni", "2027-01-04 09:00 every 6 Weeks until 2027-06-01")]
    [InlineData("herinner me iedere 6 weken t/m 1 juni", "2027-01-04 09:00 every 6 Weeks until 2027-06-01")]
    [InlineData("herinner me vanaf 15 januari elke 6 weken tot 1 juni", "2027-01-15 09:00 every 6 Weeks until 2027-06-01")]
    [InlineData("herinner me iedere maand", "2026-12-23 09:00 every 1 Months")]
    [InlineData("herinner me maandelijks", "2026-12-23 09:00 every 1 Months")]
    [InlineData("herinner me om de 2 weken", "2026-12-07 09:00 every 2 Weeks")]
    [InlineData("herinner me om de week", "2026-11-30 09:00 every 1 Weeks")]
    [InlineData("herinner me elke dinsdag tot eind december", "2026-11-24 09:00 every 1 Weeks until 2026-12-31")]
    [InlineData("herinner me elke dinsdag vanaf 15 januari", "2027-01-19 09:00 every 1 Weeks")]
    [InlineData("herinner me elke maand om 10:00 tot 1 mei 2027", "2026-12-23 10:00 every 1 Months until 2027-05-01")]
    [InlineData("herinner me elke week tot eind januari", "2026-11-30 09:00 every 1 Weeks until 2027-01-31")]
    [InlineData("herinner me over een half jaar", "2027-05-23 09:00")]
    [InlineData("herinner me op 1 april om 2 uur 's middags", "2027-04-01 14:00")]
    [InlineData("herinner me op 1 april om 9 uur 's ochtends", "2027-04-01 09:00")]
    [InlineData("herinner me morgenochtend", "2026-11-24 09:00")]
    [InlineData("herinner me morgenmiddag", "2026-11-24 13:00")]
    [InlineData("herinner me dinsdagmiddag om 3 uur", "2026-11-24 15:00")]
    [InlineData("herinner me morgen om half tien", "2026-11-24 09:30")]
    [InlineData("herinner me op 15 januari om 1400", "2027-01-15 14:00")]
    [InlineData("herinner me op 15 januari 14u", "2027-01-15 14:00")]
    public void Read_Dutch_Understood(string text, string expected) => Assert.Equal(expected, Describe(Read(text, Lang.Nl)));

    [Theory]
    [InlineData("remind me on 15 January about the evaluation", "2027-01-15 09:00")]
    [InlineData("remind me on January 15", "2027-01-15 09:00")]
    [InlineData("remind me on January 15th, 2027", "2027-01-15 09:00")]
    [InlineData("remind me on the 15th of January", "2027-01-15 09:00")]
    [InlineData("remind me on Friday, 15 January", "2027-01-15 09:00")]
    [InlineData("remind me on 15 Jan 2027", "2027-01-15 09:00")]
    [InlineData("remind me on 2027-01-15", "2027-01-15 09:00")]
    [InlineData("remind me on 15/01", "2027-01-15 09:00")]
    [InlineData("remind me on 01/15", "2027-01-15 09:00")]
    [InlineData("remind me on 05/05", "2027-05-05 09:00")]
    [InlineData("remind me on 12/13", "2026-12-13 09:00")]
    [InlineData("remind me in 6 weeks", "2027-01-04 09:00")]
    [InlineData("remind me in two weeks", "2026-12-07 09:00")]
    [InlineData("remind me in a month", "2026-12-23 09:00")]
    [InlineData("remind me 3 days from now", "2026-11-26 09:00")]
    [InlineData("remind me in 2 weeks' time", "2026-12-07 09:00")]
    [InlineData("remind me tomorrow", "2026-11-24 09:00")]
    [InlineData("remind me the day after tomorrow", "2026-11-25 09:00")]
    [InlineData("remind me on Tuesday", "2026-11-24 09:00")]
    [InlineData("remind me on Tuesday next week", "2026-12-01 09:00")]
    [InlineData("remind me next week Tuesday", "2026-12-01 09:00")]
    [InlineData("remind me this Friday", "2026-11-27 09:00")]
    [InlineData("remind me on 15 January at 2 pm", "2027-01-15 14:00")]
    [InlineData("remind me on 15 January at 9:30 am", "2027-01-15 09:30")]
    [InlineData("remind me on 15 January at 14:00", "2027-01-15 14:00")]
    [InlineData("remind me tomorrow at 12pm", "2026-11-24 12:00")]
    [InlineData("remind me every 6 weeks until 1 June", "2027-01-04 09:00 every 6 Weeks until 2027-06-01")]
    [InlineData("remind me every 6 weeks until June 1st", "2027-01-04 09:00 every 6 Weeks until 2027-06-01")]
    [InlineData("remind me every month", "2026-12-23 09:00 every 1 Months")]
    [InlineData("remind me every other week", "2026-12-07 09:00 every 2 Weeks")]
    [InlineData("remind me weekly until the end of January", "2026-11-30 09:00 every 1 Weeks until 2027-01-31")]
    [InlineData("remind me every Monday starting 4 January", "2027-01-04 09:00 every 1 Weeks")]
    [InlineData("remind me tomorrow morning", "2026-11-24 09:00")]
    [InlineData("remind me tomorrow afternoon", "2026-11-24 13:00")]
    [InlineData("remind me on Tuesday afternoon at 2", "2026-11-24 14:00")]
    public void Read_English_Understood(string text, string expected) => Assert.Equal(expected, Describe(Read(text, Lang.En)));

    [Theory]
    [InlineData("herinner me op 15 januari 2020", "? DateInPast: 2027-01-15")]
    [InlineData("herinner me op 1-3-2026", "? DateInPast: 2027-03-01")]
    [InlineData("remind me on 15 January 2020", "? DateInPast: 2027-01-15")]
    [InlineData("herinner me op 23 november", "? DateIsToday: 2026-11-23, 2027-11-23")]
    [InlineData("herinner me op 23-11-2026", "? DateIsToday: 2026-11-23")]
    [InlineData("herinner me eind januari", "? AmbiguousDate: 2027-01-22, 2027-01-27, 2027-01-29")]
    [InlineData("remind me at the end of January", "? AmbiguousDate: 2027-01-22, 2027-01-27, 2027-01-29")]
    [InlineData("herinner me begin februari", "? AmbiguousDate: 2027-02-01, 2027-02-05, 2027-02-08")]
    [InlineData("herinner me half maart", "? AmbiguousDate: 2027-03-12, 2027-03-15, 2027-03-18")]
    [InlineData("remind me mid-March", "? AmbiguousDate: 2027-03-12, 2027-03-15, 2027-03-18")]
    [InlineData("herinner me in mei", "? AmbiguousDate: 2027-05-03, 2027-05-18, 2027-05-31")]
    [InlineData("herinner me volgende maand", "? AmbiguousDate: 2026-12-01, 2026-12-15, 2026-12-31")]
    [InlineData("herinner me volgende week", "? AmbiguousDate: 2026-11-30, 2026-12-02, 2026-12-04")]
    [InlineData("herinner me over een paar weken", "? AmbiguousDate: 2026-12-07, 2026-12-14, 2026-12-21")]
    [InlineData("remind me in a few days", "? AmbiguousDate: 2026-11-25, 2026-11-26, 2026-11-27")]
    [InlineData("herinner me volgende dinsdag", "? AmbiguousDate: 2026-11-24, 2026-12-01")]
    [InlineData("remind me next Friday", "? AmbiguousDate: 2026-11-27, 2026-12-04")]
    [InlineData("remind me on 04/03", "? AmbiguousDate: 2027-03-04, 2027-04-03")]
    [InlineData("remind me on 04-03", "? AmbiguousDate: 2027-03-04, 2027-04-03")]
    [InlineData("herinner me morgen of op 15 januari", "? AmbiguousDate: 2026-11-24, 2027-01-15")]
    [InlineData("herinner me op dinsdag 15 januari", "? WeekdayMismatch: 2027-01-12, 2027-01-15")]
    [InlineData("herinner me op 31 februari", "? InvalidDate")]
    [InlineData("herinner me op 2027-13-01", "? InvalidDate")]
    [InlineData("herinner me op 15 januari om 2 uur", "? AmbiguousTime: 2027-01-15 02:00, 2027-01-15 14:00")]
    [InlineData("remind me tomorrow at 3", "? AmbiguousTime: 2026-11-24 03:00, 2026-11-24 15:00")]
    [InlineData("herinner me morgen om 25:00", "? InvalidTime")]
    [InlineData("remind me tomorrow at 13 pm", "? InvalidTime")]
    [InlineData("herinner me elke 6 weken tot 1 juni 2026", "? UntilBeforeFirst: 2027-01-04 every 6 Weeks")]
    [InlineData("herinner me over 3-4 weken", "? AmbiguousDate: 2026-12-14, 2026-12-21")]
    [InlineData("remind me in 2 or 3 weeks", "? AmbiguousDate: 2026-12-07, 2026-12-14")]
    [InlineData("herinner me over anderhalve week", "? AmbiguousDate: 2026-12-03, 2026-12-04")]
    [InlineData("herinner me eind van de maand", "? AmbiguousDate: 2026-11-26, 2026-11-30")]
    [InlineData("herinner me morgen om half 3", "? AmbiguousTime: 2026-11-24 02:30, 2026-11-24 14:30")]
    [InlineData("herinner me over 2 uur", "? NoDate")]
    [InlineData("herinner me over 6 weken maar niet op vrijdag", "? AmbiguousDate: 2026-11-27, 2027-01-04")]
    [InlineData("herinner me in week 3", "? AmbiguousDate: 2027-01-18, 2027-01-20, 2027-01-22")]
    [InlineData("herinner me in week 53", "? AmbiguousDate: 2026-12-28, 2026-12-30")] // 2026 has 53 ISO weeks; 1 January is off
    [InlineData("herinner me in week 53 2027", "? InvalidDate")]
    [InlineData("herinner me elke 6 weken tot 1 januari", "? UntilBeforeFirst: 2027-01-04 every 6 Weeks, 2027-01-04 every 6 Weeks until 2028-01-01")]
    [InlineData("remind me every 2 months until December", "? UntilBeforeFirst: 2027-01-23 every 2 Months, 2027-01-23 every 2 Months until 2027-12-31")]
    [InlineData("herinner me elke 0 weken", "? InvalidDate")]
    [InlineData("herinner me over 0 dagen", "? InvalidDate")]
    [InlineData("herinner me op 29-02-2027", "? InvalidDate")]
    [InlineData("herinner me op 12/13", "? InvalidDate")]
    [InlineData("herinner me aan de evaluatie", "? NoDate")]
    [InlineData("remind me about the evaluation", "? NoDate")]
    public void Read_PastOrAmbiguous_AsksBack(string text, string expected) =>
        Assert.Equal(expected, Describe(Read(text, text.Contains("remind", StringComparison.Ordinal) ? Lang.En : Lang.Nl)));

    [Theory]
    [InlineData("2026-11-25", "remind me next Tuesday", "2026-12-01 09:00")] // Wednesday: the coming Tuesday is next week anyway
    [InlineData("2026-11-24", "herinner me volgende dinsdag", "2026-12-01 09:00")]
    [InlineData("2026-11-24", "herinner me dinsdag", "2026-12-01 09:00")] // never today
    [InlineData("2026-11-29", "remind me next Tuesday", "2026-12-01 09:00")] // Sunday
    [InlineData("2026-11-23", "herinner me volgende week maandag", "2026-11-30 09:00")]
    [InlineData("2026-11-29", "herinner me volgende week maandag", "2026-11-30 09:00")]
    [InlineData("2026-12-31", "herinner me over 2 maanden", "2027-02-28 09:00")]
    [InlineData("2026-12-30", "herinner me op 2 januari", "2027-01-02 09:00")]
    [InlineData("2026-12-30", "herinner me eind januari", "? AmbiguousDate: 2027-01-22, 2027-01-27, 2027-01-29")]
    [InlineData("2027-01-25", "herinner me eind januari", "? AmbiguousDate: 2027-01-27, 2027-01-29")]
    public void Read_OtherToday_ResolvesRelativeToIt(string today, string text, string expected) =>
        Assert.Equal(expected, Describe(ReminderDateReader.Read(text, D(today), text.Contains("remind", StringComparison.Ordinal) ? Lang.En : Lang.Nl)));

    [Theory]
    [InlineData("wat is een OTS?")]
    [InlineData("Morgen is de zitting, welke route past?")]
    [InlineData("we evalueren op 15 januari")]
    [InlineData("hoe zet ik een herinnering?")]
    [InlineData("how do reminders work?")]
    [InlineData("")]
    public void Read_NoReminderAsked_NotAReminder(string text) =>
        Assert.IsType<ReminderParse.NotAReminder>(Read(text, Lang.Nl));

    [Theory]
    [InlineData("over 6 weken", "2027-01-04 09:00")]
    [InlineData("15 januari", "2027-01-15 09:00")]
    [InlineData("next Tuesday please", "? AmbiguousDate: 2026-11-24, 2026-12-01")]
    [InlineData("elke 6 weken tot 1 juni", "2027-01-04 09:00 every 6 Weeks until 2027-06-01")]
    [InlineData("ja graag", "none")]
    [InlineData("om 14:00", "none")]
    public void ReadAnswer_FollowUp_NeedsNoReminderWord(string text, string expected) =>
        Assert.Equal(expected, Describe(ReminderDateReader.ReadAnswer(text, D(Today), Lang.Nl)));

    [Theory]
    [InlineData("herinner me op 15 januari aan de evaluatie van casus 2024-17", "2024-17", "de evaluatie")]
    [InlineData("remind me on 15 January about the evaluation for case C-1234", "C-1234", "the evaluation")]
    [InlineData("herinner me morgen aan casus jb-88", "JB-88", null)]
    [InlineData("herinner me morgen over dossier 2024-17: evaluatie plan van aanpak", "2024-17", "evaluatie plan van aanpak")]
    [InlineData("herinner me over 6 weken aan de evaluatie (casusnummer C-77)", "C-77", "de evaluatie")]
    [InlineData("Herinner me op casus #2024-17 over 6 weken", "2024-17", null)]
    [InlineData("remind me about case no. 4411 in 6 weeks", "4411", null)]
    [InlineData("herinner me morgen aan casus 123456789", null, null)]
    [InlineData("herinner me morgen aan casus 123 456 789", null, null)]
    [InlineData("herinner me morgen aan casus 123.456.789 de evaluatie", null, "de evaluatie")]
    [InlineData("herinner me morgen aan de evaluatie, bsn 123456782", null, "de evaluatie")]
    [InlineData("in case the school calls, remind me tomorrow", null, null)]
    public void Read_CaseReference_PseudonymsOnly(string text, string? reference, string? subject)
    {
        var understood = Assert.IsType<ReminderParse.Understood>(Read(text, text.Contains("remind", StringComparison.Ordinal) ? Lang.En : Lang.Nl));

        Assert.Equal(reference, understood.CaseReference);
        Assert.Equal(subject, understood.Subject);
    }

    [Theory]
    [InlineData("herinner me eraan om de school te bellen over 3 dagen", "de school te bellen")]
    [InlineData("remind me to call the school tomorrow", "call the school")]
    [InlineData("herinner me volgende week dinsdag aan het gesprek met de ouders", "het gesprek met de ouders")]
    [InlineData("zet een herinnering voor de evaluatie op 15 januari", "de evaluatie")]
    [InlineData("Herinnering: evaluatie gezinsplan 15-01", "evaluatie gezinsplan")]
    [InlineData("herinner me morgen", null)]
    [InlineData("herinner me morgen even", null)]
    [InlineData("herinner me morgen aan het verslag voor de rechtbank", "het verslag voor de rechtbank")]
    [InlineData("herinner me morgen aan de mail naar piet@example.nl", "de mail naar [E-MAIL]")]
    [InlineData("herinner me over 6 weken aan de evaluatie 123456782", "de evaluatie [BSN]")]
    [InlineData("Wil je me op 15 januari aan de evaluatie herinneren?", "de evaluatie")]
    public void Read_Subject_ShortPhraseWithoutDate(string text, string? expected)
    {
        var understood = Assert.IsType<ReminderParse.Understood>(Read(text, text.Contains("remind", StringComparison.Ordinal) ? Lang.En : Lang.Nl));

        Assert.Equal(expected, understood.Subject);
    }

    [Fact]
    public void Read_LongSubject_CutAtEightyCharacters()
    {
        var text = "herinner me morgen aan " + string.Join(' ', Enumerable.Repeat("het uitgebreide evaluatieverslag", 8));
        var understood = Assert.IsType<ReminderParse.Understood>(Read(text, Lang.Nl));

        Assert.NotNull(understood.Subject);
        Assert.InRange(understood.Subject.Length, 20, ReminderDateReader.MaxSubjectLength);
        Assert.EndsWith("…", understood.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Clarification_KeepsCaseAndSubject()
    {
        var asked = Assert.IsType<ReminderParse.NeedsClarification>(Read("herinner me eind januari aan de evaluatie van casus 2024-17", Lang.Nl));

        Assert.Equal(("2024-17", "de evaluatie"), (asked.CaseReference, asked.Subject));
        Assert.Equal(3, asked.Suggestions.Count);
    }

    [Fact]
    public void Read_EverySixWeeksUntilJune_YieldsFourOccurrences()
    {
        var understood = Assert.IsType<ReminderParse.Understood>(Read("herinner me elke 6 weken tot 1 juni aan de evaluatie", Lang.Nl));

        Assert.Equal(
            [D("2027-01-04"), D("2027-02-15"), D("2027-03-29"), D("2027-05-10")],
            understood.Schedule.Occurrences(100));
        Assert.Equal("de evaluatie", understood.Subject);
    }

    [Fact]
    public void Read_VeryLongText_DoesNotThrow() =>
        Assert.NotNull(Read("herinner me " + new string('x', 100_000), Lang.Nl));

    private static ReminderParse Read(string text, Lang lang) => ReminderDateReader.Read(text, D(Today), lang);

    private static string Describe(ReminderParse parse) => parse switch
    {
        ReminderParse.Understood u => Describe(u.Schedule, withTime: true),
        ReminderParse.NeedsClarification c => $"? {c.Reason}"
            + (c.Suggestions.Count == 0 ? string.Empty : ": " + string.Join(", ", c.Suggestions.Select(s => Describe(s, withTime: false)))),
        _ => "none",
    };

    // Understood rows always show the time; suggestions only when it is not the default 09:00.
    private static string Describe(Schedule schedule, bool withTime)
    {
        var text = schedule.First.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (withTime || schedule.Time != Schedule.DefaultTime)
        {
            text += " " + schedule.Time.ToString("HH:mm", CultureInfo.InvariantCulture);
        }

        if (schedule.Every is { } every)
        {
            text += $" every {every.Count} {every.Unit}";
        }

        if (schedule.Until is { } until)
        {
            text += " until " + until.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return text;
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, CultureInfo.InvariantCulture);
}
