using System.Globalization;
using ExpertBot.Bot.Requests;

namespace ExpertBot.Bot.Reminders;

/// <summary>
/// A new request to the GI is an engagement: its evaluation date from the form becomes a reminder, and without one
/// an evaluation date is proposed (6 weeks) and the engagement is tracked for the 12-week flag.
/// </summary>
internal sealed class RequestEvaluationReminders(ReminderService reminders) : IRequestSubmittedListener
{
    public async Task<string?> OnSubmittedAsync(StoredRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = new ReminderOwner(request.Owner.Id, request.Owner.ChannelId, request.Owner.ConversationId, request.Owner.Locale);
        var proposal = await reminders.ProposeForEngagementAsync(
            owner, request.Form.CaseReference, reminders.Today(), request.Form.EvaluationDate, cancellationToken, requestId: request.Id);
        var date = proposal.EvaluationDate.ToString("d MMMM yyyy", request.Owner.English ? CultureInfo.GetCultureInfo("en-GB") : CultureInfo.GetCultureInfo("nl-NL"));
        return (proposal.IsProposal, request.Owner.English) switch
        {
            (false, true) => $"I'll remind you of the evaluation on {date}.",
            (false, false) => $"Ik herinner je aan de evaluatie op {date}.",
            (true, true) => $"No evaluation date yet: I propose {date} (within 6 weeks). Type \"remind me on …\" to set one.",
            _ => $"Nog geen evaluatiedatum: ik stel {date} voor (binnen 6 weken). Typ \"herinner me op …\" om er een vast te leggen.",
        };
    }
}
