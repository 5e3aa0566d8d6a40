using System.ComponentModel.DataAnnotations;
using ExpertBot.Knowledge.Reminders;
using Microsoft.Extensions.Options;

namespace ExpertBot.Bot.Reminders;

/// <summary>Section <c>Reminders</c>: the nudge policy, engagement checks and the scheduler's pace.</summary>
internal sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Runs the scheduler in this instance (every instance may; claims keep them apart).</summary>
    public bool SchedulerEnabled { get; set; } = true;

    /// <summary>Days before the due date of the "coming up" nudge; 0 or less turns it off.</summary>
    [Range(0, 60)]
    public int BeforeDays { get; set; } = 7;

    public TimeOnly BeforeAt { get; set; } = NudgePolicy.NineAm;

    /// <summary>The on-the-day nudge's time when the user named none.</summary>
    public TimeOnly OnTheDayAt { get; set; } = NudgePolicy.NineAm;

    /// <summary>Nudge again on the first working day after the due date while the reminder is open.</summary>
    public bool OverdueNextWorkingDay { get; set; } = true;

    public TimeOnly OverdueAt { get; set; } = NudgePolicy.NineAm;

    /// <summary>The local time of "Morgen opnieuw" (the next working day).</summary>
    public TimeOnly SnoozeAt { get; set; } = NudgePolicy.NineAm;

    public bool GoodFridayIsHoliday { get; set; }

    public LiberationDayRule LiberationDay { get; set; } = LiberationDayRule.LustrumYearsOnly;

    [Required]
    public string TimeZoneId { get; set; } = "Europe/Amsterdam";

    /// <summary>An engagement without an evaluation date gets one proposed this many weeks after its start.</summary>
    [Range(1, 52)]
    public int ProposalWeeks { get; set; } = 6;

    /// <summary>An engagement still open after this many weeks is flagged with a nudge.</summary>
    [Range(1, 104)]
    public int LongRunningWeeks { get; set; } = 12;

    /// <summary>How often the scheduler looks for due nudges.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed nudge belongs to one instance; after that another may take it over.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Nudges claimed per query.</summary>
    [Range(1, 1000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Cards sent at the same time (the connector paces them under Teams' limits).</summary>
    [Range(1, 64)]
    public int MaxParallelSends { get; set; } = 8;

    /// <summary>Attempts (claims) before a nudge whose send keeps failing is given up and reported.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 6;

    /// <summary>First backoff after a failed send; doubles per attempt up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMinutes(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A nudge sent this much after its time is marked late ("sorry, this comes late").</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan LateAfter { get; set; } = CatchUp.DefaultLateAfter;

    /// <summary>
    /// TEST ONLY (refused outside Development): instead of the policy, a new reminder gets one nudge this long after
    /// it was set, so an end-to-end test sees it arrive within seconds. Null (the default) in every real deployment.
    /// </summary>
    public TimeSpan? TestNudgeDelay { get; set; }

    public NudgePolicy ToPolicy() => new()
    {
        Offsets = BeforeDays > 0 ? [new(-BeforeDays, BeforeAt), new(0, OnTheDayAt)] : [new(0, OnTheDayAt)],
        OverdueNextWorkingDay = OverdueNextWorkingDay,
        OverdueAt = OverdueAt,
        SnoozeAt = SnoozeAt,
        Holidays = new HolidayRules { GoodFridayIsHoliday = GoodFridayIsHoliday, LiberationDay = LiberationDay },
        TimeZoneId = TimeZoneId,
    };
}

internal sealed class RemindersOptionsValidator(IHostEnvironment environment) : IValidateOptions<RemindersOptions>
{
    public ValidateOptionsResult Validate(string? name, RemindersOptions options)
    {
        var failures = new List<string>();
        try
        {
            _ = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZoneId);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            failures.Add($"Reminders:TimeZoneId '{options.TimeZoneId}' is not a known time zone.");
        }

        if (options.RetryMaxDelay < options.RetryBaseDelay)
        {
            failures.Add("Reminders:RetryMaxDelay must be at least Reminders:RetryBaseDelay.");
        }

        if (options.PollInterval >= options.LeaseDuration)
        {
            failures.Add("Reminders:PollInterval must be shorter than Reminders:LeaseDuration.");
        }

        if (options.TestNudgeDelay is not null && !environment.IsDevelopment())
        {
            failures.Add("Reminders:TestNudgeDelay is for end-to-end tests only and is refused outside the Development environment.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
