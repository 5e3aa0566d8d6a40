using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Bot.Cards;

/// <summary>Every fixed label on the cards, in Dutch and English. Knowledge text comes from the knowledge itself.</summary>
internal sealed class CardText
{
    public static readonly CardText Nl = new()
    {
        Why = "Waarom",
        WhenItFits = "Wanneer past dit",
        Regie = "Regie",
        Expectations = "Wat kun je verwachten",
        Pitfalls = "Let op",
        NextStep = "Volgende stap",
        Sources = "Bronnen",
        ReadMore = "Lees meer",
        AskGi = "Vraag advies aan de GI",
        ShowExperts = "Toon experts",
        FeedbackPrompt = "Was dit antwoord nuttig?",
        Helpful = "👍 Nuttig",
        NotHelpful = "👎 Niet nuttig",
        ExpertsTitle = "Je kunt terecht bij",
        AvailableOn = "Beschikbaar",
        Chat = "Chat",
        Call = "Bel",
        Mail = "Mail",
        NoExpertTitle = "Geen expert gevonden",
        NoExpertBody = "Ik vond in de expertpool geen expert die past bij deze vraag.",
        NoExpertBodyIn = "Ik vond in de expertpool geen expert die past bij deze vraag in {0}.",
        NotAcceptingNote = "{0} ({1}) past ook, maar neemt nu geen aanvragen aan.",
        IntakeTitle = "Neem contact op met de intake",
        NoIntake = "Vraag het de GI via het aanvraagformulier.",
        MoreExperts = "Nog {0} andere passende experts; stel je vraag specifieker om ze te zien.",
        FollowUpIntro = "Om de juiste route te kiezen wil ik eerst weten:",
        RequestForm = "Open het aanvraagformulier",
        AskThis = "Vraag dit",
        Choose = "Kies",
        ExamplesTitle = "Probeer bijvoorbeeld",
        WelcomeTitle = "Welkom bij ExpertBot",
        HelpTitle = "Wat kan ExpertBot voor je doen?",
        Intro = "Ik help casemanagers in lokale teams bij vragen over de veiligheid van kinderen.",
        Abilities =
        [
            "**Wie kan ik raadplegen?** Ik zoek een expert bij de GI die past bij je vraag, gemeente en dag.",
            "**Welke route past?** Ik leg uit welke samenwerkingsroute met de GI past en wat de volgende stap is.",
            "**Advies vragen aan de GI:** typ \"aanvraag\" voor het aanvraagformulier.",
            "**Herinneringen** aan evaluatiedata: typ \"herinneringen\".",
        ],
        PrivacyTitle = "Privacy",
        Privacy = "Typ nooit namen, BSN's, geboortedata of adressen. Gebruik een pseudonieme casusreferentie, bijvoorbeeld \"casus 2024-17\".",
        Examples =
        [
            "Wie kan ik vrijdag raadplegen over huiselijk geweld in Veendam?",
            "Ouders weigeren elke hulp en de onveiligheid blijft, wat nu?",
            "Wie kan ik raadplegen over een vechtscheiding in Oldambt?",
        ],
        ThanksTitle = "Bedankt voor je feedback!",
        ThanksBody = "Hiermee maken we de antwoorden beter.",
        ErrorTitle = "Er ging iets mis",
        ErrorHint = "Probeer het opnieuw, of typ \"help\".",
        More = "… en nog {0}",
    };

    public static readonly CardText En = new()
    {
        Why = "Why",
        WhenItFits = "When it fits",
        Regie = "Who keeps the lead",
        Expectations = "What to expect",
        Pitfalls = "Watch out",
        NextStep = "Next step",
        Sources = "Sources",
        ReadMore = "Read more",
        AskGi = "Ask the GI for advice",
        ShowExperts = "Show experts",
        FeedbackPrompt = "Was this answer helpful?",
        Helpful = "👍 Helpful",
        NotHelpful = "👎 Not helpful",
        ExpertsTitle = "You can consult",
        AvailableOn = "Available",
        Chat = "Chat",
        Call = "Call",
        Mail = "E-mail",
        NoExpertTitle = "No expert found",
        NoExpertBody = "I found no expert in the pool who fits this question.",
        NoExpertBodyIn = "I found no expert in the pool who fits this question in {0}.",
        NotAcceptingNote = "{0} ({1}) also fits but is not taking requests now.",
        IntakeTitle = "Contact the intake instead",
        NoIntake = "Ask the GI through the request form.",
        MoreExperts = "{0} more experts fit; ask more specifically to see them.",
        FollowUpIntro = "To choose the right route I first need to know:",
        RequestForm = "Open the request form",
        AskThis = "Ask this",
        Choose = "Choose",
        ExamplesTitle = "For example, try",
        WelcomeTitle = "Welcome to ExpertBot",
        HelpTitle = "What can ExpertBot do for you?",
        Intro = "I help casemanagers in local teams with child-safety questions.",
        Abilities =
        [
            "**Who can I consult?** I find a GI expert who fits your question, municipality and day.",
            "**Which route fits?** I explain which way of working with the GI fits and what the next step is.",
            "**Ask the GI for advice:** type \"aanvraag\" to open the request form.",
            "**Reminders** of evaluation dates: type \"herinneringen\".",
        ],
        PrivacyTitle = "Privacy",
        Privacy = "Never type names, BSNs, dates of birth or addresses. Use a pseudonymous case reference, e.g. \"case 2024-17\".",
        Examples =
        [
            "Who can I consult about domestic violence in Veendam on Friday?",
            "Parents don't cooperate and the child remains unsafe. Which route fits?",
            "Who can I consult about a high-conflict divorce in Oldambt?",
        ],
        ThanksTitle = "Thank you for your feedback!",
        ThanksBody = "It helps us improve the answers.",
        ErrorTitle = "Something went wrong",
        ErrorHint = "Please try again, or type \"help\".",
        More = "… and {0} more",
    };

    private CardText()
    {
    }

    public required string Why { get; init; }
    public required string WhenItFits { get; init; }
    public required string Regie { get; init; }
    public required string Expectations { get; init; }
    public required string Pitfalls { get; init; }
    public required string NextStep { get; init; }
    public required string Sources { get; init; }
    public required string ReadMore { get; init; }
    public required string AskGi { get; init; }
    public required string ShowExperts { get; init; }
    public required string FeedbackPrompt { get; init; }
    public required string Helpful { get; init; }
    public required string NotHelpful { get; init; }
    public required string ExpertsTitle { get; init; }
    public required string AvailableOn { get; init; }
    public required string Chat { get; init; }
    public required string Call { get; init; }
    public required string Mail { get; init; }
    public required string NoExpertTitle { get; init; }
    public required string NoExpertBody { get; init; }
    public required string NoExpertBodyIn { get; init; }
    public required string NotAcceptingNote { get; init; }
    public required string IntakeTitle { get; init; }
    public required string NoIntake { get; init; }
    public required string MoreExperts { get; init; }
    public required string FollowUpIntro { get; init; }
    public required string RequestForm { get; init; }
    public required string AskThis { get; init; }
    public required string Choose { get; init; }
    public required string ExamplesTitle { get; init; }
    public required string WelcomeTitle { get; init; }
    public required string HelpTitle { get; init; }
    public required string Intro { get; init; }
    public required IReadOnlyList<string> Abilities { get; init; }
    public required string PrivacyTitle { get; init; }
    public required string Privacy { get; init; }
    public required IReadOnlyList<string> Examples { get; init; }
    public required string ThanksTitle { get; init; }
    public required string ThanksBody { get; init; }
    public required string ErrorTitle { get; init; }
    public required string ErrorHint { get; init; }
    public required string More { get; init; }

    public static CardText For(Lang lang) => lang == Lang.En ? En : Nl;
}
