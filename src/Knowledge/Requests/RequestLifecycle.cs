namespace ExpertBot.Knowledge.Requests;

/// <summary>Nieuw → Opgepakt → In behandeling → Afgerond / Teruggegeven aan basisteam; Ingetrokken by the casemanager.</summary>
public enum RequestStatus
{
    Nieuw,
    Opgepakt,
    InBehandeling,
    Afgerond,
    Teruggegeven,
    Ingetrokken,
}

/// <summary>What someone does to a request.</summary>
public enum RequestTransition
{
    /// <summary>GI: Oppakken.</summary>
    PickUp,
    /// <summary>GI: Reageren — a message to the casemanager; the first one starts the treatment.</summary>
    Respond,
    /// <summary>GI: Afronden, with the advice or agreed contribution.</summary>
    Finish,
    /// <summary>GI: Teruggeven aan basisteam.</summary>
    ReturnToTeam,
    /// <summary>Casemanager: Intrekken.</summary>
    Withdraw,
    /// <summary>Casemanager: informatie toevoegen (status unchanged).</summary>
    AddInformation,
}

/// <summary>Who acts: the casemanager who owns the request, or a member of the GI target.</summary>
public enum RequestRole
{
    Casemanager,
    Gi,
}

public sealed record TransitionResult(bool Allowed, RequestStatus Status, string? ReasonNl = null, string? ReasonEn = null)
{
    public string? Reason(bool english) => english ? ReasonEn : ReasonNl;
}

/// <summary>The request's state machine as a rule table. Pure: no clock, no storage.</summary>
public static class RequestLifecycle
{
    public static bool IsOpen(this RequestStatus status) => status is RequestStatus.Nieuw or RequestStatus.Opgepakt or RequestStatus.InBehandeling;

    public static TransitionResult Apply(RequestStatus current, RequestTransition transition, RequestRole role)
    {
        if (!current.IsOpen())
        {
            return Reject(current, $"Deze aanvraag is al {Label(current).ToLowerInvariant()}; er kan niets meer aan veranderen.",
                $"This request is already {Label(current, english: true).ToLowerInvariant()}; it can no longer change.");
        }

        var expectedRole = transition is RequestTransition.Withdraw or RequestTransition.AddInformation ? RequestRole.Casemanager : RequestRole.Gi;
        if (role != expectedRole)
        {
            return expectedRole == RequestRole.Casemanager
                ? Reject(current, "Alleen de casemanager die de aanvraag deed kan dit.", "Only the casemanager who made the request can do this.")
                : Reject(current, "Dit doet de GI vanuit het expertpoolkanaal.", "The GI does this from the expert pool channel.");
        }

        return (transition, current) switch
        {
            (RequestTransition.PickUp, RequestStatus.Nieuw) => Ok(RequestStatus.Opgepakt),
            (RequestTransition.PickUp, _) => Reject(current, "Deze aanvraag is al opgepakt.", "This request has already been picked up."),
            (RequestTransition.Respond, RequestStatus.Nieuw) => Reject(current, "Pak de aanvraag eerst op.", "Pick the request up first."),
            (RequestTransition.Respond, _) => Ok(RequestStatus.InBehandeling),
            (RequestTransition.Finish, RequestStatus.Nieuw) => Reject(current, "Pak de aanvraag eerst op.", "Pick the request up first."),
            (RequestTransition.Finish, _) => Ok(RequestStatus.Afgerond),
            (RequestTransition.ReturnToTeam, _) => Ok(RequestStatus.Teruggegeven),
            (RequestTransition.Withdraw, _) => Ok(RequestStatus.Ingetrokken),
            (RequestTransition.AddInformation, _) => Ok(current),
            _ => Reject(current, "Dat kan niet in deze stap.", "That is not possible at this step."),
        };
    }

    public static string Code(this RequestStatus status) => status switch
    {
        RequestStatus.Nieuw => "nieuw",
        RequestStatus.Opgepakt => "opgepakt",
        RequestStatus.InBehandeling => "in-behandeling",
        RequestStatus.Afgerond => "afgerond",
        RequestStatus.Teruggegeven => "teruggegeven",
        _ => "ingetrokken",
    };

    public static RequestStatus ParseStatus(string code) => code switch
    {
        "nieuw" => RequestStatus.Nieuw,
        "opgepakt" => RequestStatus.Opgepakt,
        "in-behandeling" => RequestStatus.InBehandeling,
        "afgerond" => RequestStatus.Afgerond,
        "teruggegeven" => RequestStatus.Teruggegeven,
        "ingetrokken" => RequestStatus.Ingetrokken,
        _ => throw new ArgumentOutOfRangeException(nameof(code), code, "Unknown request status."),
    };

    public static string Code(this RequestTransition transition) => transition switch
    {
        RequestTransition.PickUp => "pick-up",
        RequestTransition.Respond => "respond",
        RequestTransition.Finish => "finish",
        RequestTransition.ReturnToTeam => "return",
        RequestTransition.Withdraw => "withdraw",
        _ => "add-information",
    };

    public static string Label(RequestStatus status, bool english = false) => status switch
    {
        RequestStatus.Nieuw => english ? "New" : "Nieuw",
        RequestStatus.Opgepakt => english ? "Picked up" : "Opgepakt",
        RequestStatus.InBehandeling => english ? "In progress" : "In behandeling",
        RequestStatus.Afgerond => english ? "Finished" : "Afgerond",
        RequestStatus.Teruggegeven => english ? "Returned to the local team" : "Teruggegeven aan basisteam",
        _ => english ? "Withdrawn" : "Ingetrokken",
    };

    private static TransitionResult Ok(RequestStatus status) => new(true, status);

    private static TransitionResult Reject(RequestStatus current, string nl, string en) => new(false, current, nl, en);
}
