using System.Globalization;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Requests;

/// <summary>Names of the form's fields: card input ids, stored JSON keys and error keys.</summary>
public static class RequestFields
{
    public const string Municipality = "municipality";
    public const string Team = "team";
    public const string Kind = "kind";
    public const string CaseReference = "caseRef";
    public const string Situation = "situation";
    public const string Safety = "safety";
    public const string Tried = "tried";
    public const string DesiredContribution = "contribution";
    public const string DesiredTerm = "term";
    public const string EvaluationDate = "evaluationDate";
    public const string ParentsInformed = "parentsInformed";
    public const string Reason = "reason";
    public const string Contact = "contact";

    public static IReadOnlyList<string> All { get; } =
        [Municipality, Team, Kind, CaseReference, Situation, Safety, Tried, DesiredContribution, DesiredTerm, EvaluationDate, ParentsInformed, Reason, Contact];

    /// <summary>Free-text fields the privacy guard checks.</summary>
    public static IReadOnlyList<string> FreeText { get; } = [Team, Situation, Tried, DesiredContribution, DesiredTerm];
}

/// <summary>Length limits (characters) and the municipalities the knowledge knows.</summary>
public sealed record RequestRules
{
    public required IReadOnlyCollection<string> Municipalities { get; init; }
    public int MaxSituation { get; init; } = 1000;
    public int MaxTried { get; init; } = 1000;
    public int MaxContribution { get; init; } = 500;
    public int MaxTerm { get; init; } = 100;
    public int MaxTeam { get; init; } = 100;
    public int MaxCaseReference { get; init; } = 40;
    /// <summary>Longest free text for "add information", Reageren and the advice on Afronden.</summary>
    public int MaxMessage { get; init; } = 2000;
}

/// <summary>One problem with one field, in Dutch and English; <see cref="Code"/> is stable for tests and logs.</summary>
public sealed record FieldError(string Field, string Code, string Nl, string En)
{
    public string For(bool english) => english ? En : Nl;
}

/// <summary>The outcome of validating a submitted form: a form, or the errors per field (never both).</summary>
public sealed record RequestValidation(RequestForm? Form, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Form is not null;

    public IEnumerable<FieldError> For(string field) => Errors.Where(e => e.Field == field);
}

/// <summary>
/// Server-side validation of the request form (Teams mobile ignores newer client-side validation). Pure: the
/// date of today comes in. Free text goes through <see cref="PrivacyGuard"/>; the case reference must be a
/// pseudonym — no name, no BSN.
/// </summary>
public static class RequestValidator
{
    public static RequestValidation Validate(IReadOnlyDictionary<string, string?> input, RequestRules rules, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<FieldError>();
        string? Get(string field) => input.TryGetValue(field, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var municipality = Get(RequestFields.Municipality);
        var knownMunicipality = municipality is null ? null : rules.Municipalities.FirstOrDefault(m => string.Equals(m, municipality, StringComparison.OrdinalIgnoreCase));
        if (municipality is null)
        {
            errors.Add(Required(RequestFields.Municipality, "Kies een gemeente.", "Choose a municipality."));
        }
        else if (knownMunicipality is null)
        {
            errors.Add(new(RequestFields.Municipality, "unknown", "Deze gemeente ken ik niet; kies er een uit de lijst.", "I don't know this municipality; pick one from the list."));
        }

        var kind = Choice(Get(RequestFields.Kind), RequestCodes.Kinds, k => k.Code(), RequestFields.Kind, RequestKind.WeetIkNiet, errors,
            "Kies een soort aanvraag (of 'weet ik niet').", "Choose a kind of request (or 'I don't know').");

        var caseRef = Get(RequestFields.CaseReference);
        if (caseRef is null)
        {
            errors.Add(Required(RequestFields.CaseReference, "Vul een casusnummer in (een pseudoniem uit je eigen systeem, geen naam of BSN).",
                "Enter a case reference (a pseudonym from your own system, not a name or BSN)."));
        }
        else
        {
            CheckCaseReference(caseRef, rules.MaxCaseReference, errors);
        }

        var situation = Text(Get(RequestFields.Situation), RequestFields.Situation, rules.MaxSituation, required: true, errors,
            "Beschrijf kort de situatie.", "Describe the situation briefly.");
        var safety = Choice(Get(RequestFields.Safety), RequestCodes.SafetyConcerns, s => s.Code(), RequestFields.Safety, null, errors,
            "Geef aan hoe groot de zorg over de veiligheid is.", "Say how concerned you are about safety.");
        var tried = Text(Get(RequestFields.Tried), RequestFields.Tried, rules.MaxTried, required: false, errors, "", "");
        var contribution = Text(Get(RequestFields.DesiredContribution), RequestFields.DesiredContribution, rules.MaxContribution, required: true, errors,
            "Beschrijf welke bijdrage (deelresultaat) je van de GI vraagt.", "Describe the contribution you ask of the GI.");
        var term = Text(Get(RequestFields.DesiredTerm), RequestFields.DesiredTerm, rules.MaxTerm, required: false, errors, "", "");
        var team = Text(Get(RequestFields.Team), RequestFields.Team, rules.MaxTeam, required: false, errors, "", "");

        DateOnly? evaluation = null;
        if (Get(RequestFields.EvaluationDate) is { } dateText)
        {
            if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                errors.Add(new(RequestFields.EvaluationDate, "format", "Dit is geen geldige datum.", "This is not a valid date."));
            }
            else if (date < today)
            {
                errors.Add(new(RequestFields.EvaluationDate, "past", "De evaluatiedatum ligt in het verleden; kies vandaag of later.",
                    "The evaluation date is in the past; choose today or later."));
            }
            else
            {
                evaluation = date;
            }
        }

        var parents = Choice(Get(RequestFields.ParentsInformed), RequestCodes.ParentsInformedValues, p => p.Code(), RequestFields.ParentsInformed, null, errors,
            "Geef aan of ouders op de hoogte zijn.", "Say whether the parents know.");
        var reason = Choice(Get(RequestFields.Reason), RequestCodes.Reasons, r => r.Code(), RequestFields.Reason, null, errors,
            "Geef aan waarom je de GI inschakelt.", "Say why you engage the GI.");
        var contact = Choice(Get(RequestFields.Contact), RequestCodes.ContactPreferences, c => c.Code(), RequestFields.Contact, ContactPreference.NoPreference, errors,
            "", "");

        if (errors.Count > 0)
        {
            return new RequestValidation(null, errors);
        }

        return new RequestValidation(new RequestForm
        {
            Municipality = knownMunicipality!,
            Team = team,
            Kind = kind!.Value,
            CaseReference = caseRef!,
            Situation = situation!,
            Safety = safety!.Value,
            Tried = tried,
            DesiredContribution = contribution!,
            DesiredTerm = term,
            EvaluationDate = evaluation,
            ParentsInformed = parents!.Value,
            Reason = reason!.Value,
            Contact = contact!.Value,
        }, []);
    }

    /// <summary>
    /// Free text added later (add information, Reageren, the advice on Afronden): required, limited, no personal
    /// data. Null when fine.
    /// </summary>
    public static FieldError? CheckMessage(string field, string? text, int max)
    {
        var errors = new List<FieldError>();
        Text(string.IsNullOrWhiteSpace(text) ? null : text.Trim(), field, max, required: true, errors, "Vul een tekst in.", "Enter a text.");
        return errors.FirstOrDefault();
    }

    private static void CheckCaseReference(string caseRef, int max, List<FieldError> errors)
    {
        const string Field = RequestFields.CaseReference;
        var digits = new string([.. caseRef.Where(char.IsAsciiDigit)]);
        var compact = new string([.. caseRef.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-')]);
        if (compact.Length == 9 && compact.All(char.IsAsciiDigit) && PrivacyGuard.IsValidBsn(compact))
        {
            errors.Add(new(Field, "bsn", "Dit lijkt een BSN. Gebruik een pseudoniem, bijvoorbeeld het casusnummer uit je eigen systeem.",
                "This looks like a BSN. Use a pseudonym, e.g. the case number from your own system."));
        }
        else if (caseRef.Length > max)
        {
            errors.Add(TooLong(Field, max));
        }
        else if (caseRef.Any(char.IsWhiteSpace) || digits.Length == 0 || !caseRef.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '/' or '.' or '#'))
        {
            // A name has spaces or no digits; a case number from a registration system has digits and no spaces.
            errors.Add(new(Field, "not-pseudonym", "Gebruik een casusnummer met cijfers en zonder spaties (bijv. WIJ-2026-0412), nooit een naam.",
                "Use a case number with digits and no spaces (e.g. WIJ-2026-0412), never a name."));
        }
        else if (PrivacyGuard.Scan(caseRef) is { Count: > 0 } findings)
        {
            errors.Add(Privacy(Field, findings));
        }
    }

    private static string? Text(string? value, string field, int max, bool required, List<FieldError> errors, string requiredNl, string requiredEn)
    {
        if (value is null)
        {
            if (required)
            {
                errors.Add(Required(field, requiredNl, requiredEn));
            }

            return null;
        }

        if (value.Length > max)
        {
            errors.Add(TooLong(field, max));
            return null;
        }

        if (PrivacyGuard.Scan(value) is { Count: > 0 } findings)
        {
            errors.Add(Privacy(field, findings));
            return null;
        }

        return value;
    }

    private static T? Choice<T>(string? code, IReadOnlyList<T> values, Func<T, string> coder, string field, T? fallback, List<FieldError> errors, string requiredNl, string requiredEn)
        where T : struct, Enum
    {
        if (code is null)
        {
            if (fallback is null)
            {
                errors.Add(Required(field, requiredNl, requiredEn));
            }

            return fallback;
        }

        if (RequestCodes.TryParse(code, values, coder, out var value))
        {
            return value;
        }

        errors.Add(new(field, "invalid-choice", "Kies een van de mogelijkheden.", "Choose one of the options."));
        return null;
    }

    private static FieldError Required(string field, string nl, string en) => new(field, "required", nl, en);

    private static FieldError TooLong(string field, int max) => new(field, "too-long",
        $"Te lang: maximaal {max} tekens. Houd het kort; details bespreek je met de GI.",
        $"Too long: at most {max} characters. Keep it short; discuss details with the GI.");

    private static FieldError Privacy(string field, IReadOnlyList<PiiFinding> findings)
    {
        var kinds = findings.Select(f => f.Kind).Distinct().ToList();
        var nl = string.Join(", ", kinds.Select(k => NameNl(k)));
        var en = string.Join(", ", kinds.Select(k => NameEn(k)));
        return new(field, "personal-data:" + string.Join(",", findings.Select(f => f.KindCode).Distinct()),
            $"Dit veld bevat persoonsgegevens ({nl}). De aanvraag gaat naar een kanaal met meerdere collega's: haal ze weg en gebruik alleen het casusnummer.",
            $"This field contains personal data ({en}). The request goes to a channel with several colleagues: remove it and use only the case reference.");
    }

    private static string NameNl(PiiKind kind) => kind switch
    {
        PiiKind.Bsn => "een BSN",
        PiiKind.Phone => "een telefoonnummer",
        PiiKind.Email => "een e-mailadres",
        PiiKind.DateOfBirth => "een geboortedatum",
        PiiKind.PostcodeAddress => "een adres",
        PiiKind.Iban => "een IBAN",
        PiiKind.PersonName => "een naam",
        _ => "privégegevens",
    };

    private static string NameEn(PiiKind kind) => kind switch
    {
        PiiKind.Bsn => "a BSN",
        PiiKind.Phone => "a phone number",
        PiiKind.Email => "an e-mail address",
        PiiKind.DateOfBirth => "a date of birth",
        PiiKind.PostcodeAddress => "an address",
        PiiKind.Iban => "an IBAN",
        PiiKind.PersonName => "a name",
        _ => "private data",
    };
}
