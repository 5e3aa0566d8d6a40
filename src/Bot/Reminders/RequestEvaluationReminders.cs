using ExpertBot.Bot.Requests;

namespace ExpertBot.Bot.Reminders;

/// <summary>
/// A new request to the GI is an engagement: its evaluation date from the form becomes a reminder, and without one
/// an evaluation date is proposed (6 weeks) and the engagement is tracked for the 12-week flag.
/// </summary>
internal sealed class RequestEvaluationReminders(ReminderService reminders) : IRequestSubmittedListener
{
    public Task OnSubmittedAsync(StoredRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var owner = new ReminderOwner(request.Owner.Id, request.Owner.ChannelId, request.Owner.ConversationId, request.Owner.Locale);
        return reminders.ProposeForEngagementAsync(
            owner, request.Form.CaseReference, reminders.Today(), request.Form.EvaluationDate, cancellationToken, requestId: request.Id);
    }
}
