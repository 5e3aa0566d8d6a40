using System.Text;
using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Answers;

/// <summary>The plain-text rendering of an answer, in Dutch or English, as the bot would say it.</summary>
public static class AnswerText
{
    public static string Compose(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var en = answer.Language == Lang.En;
        var text = new StringBuilder();
        if (answer.Pii.Count > 0)
        {
            text.AppendLine(PrivacyNotice(answer.Pii, answer.Language)).AppendLine();
        }

        if (answer.Phrasing is { } phrasing)
        {
            // The phrasing replaces the explanation, never the source list.
            text.AppendLine(phrasing.Trim());
            AppendSources(text, answer.Sources, answer.Language);
            return text.ToString().TrimEnd();
        }

        if (answer.Route is { } advice)
        {
            AppendRoute(text, advice.Route, advice.Reasons, answer.Language);
        }
        else if (answer.FollowUp is { } followUp)
        {
            text.AppendLine(en ? "To choose the right route I first need to know:" : "Om de juiste route te kiezen wil ik eerst weten:");
            text.AppendLine(followUp.Question.For(answer.Language));
            foreach (var choice in followUp.Choices)
            {
                text.Append("- ").AppendLine(choice.Label.For(answer.Language));
            }
        }
        else
        {
            switch (answer.Intent)
            {
                case Intent.Who:
                    AppendExperts(text, answer);
                    break;
                case Intent.Route when answer.Articles.Count > 0:
                    // A question about the routes themselves (durations, rates, WZM): the articles are the answer.
                    break;
                case Intent.Route:
                    text.AppendLine(en
                        ? "I cannot tell the route from this yet. Describe the situation: is there danger now, is a child protection measure running, do the parents cooperate, and what do you need from the GI?"
                        : "Ik kan hier nog geen route uit opmaken. Beschrijf de situatie: is er nu gevaar, loopt er een kinderbeschermingsmaatregel, werken ouders mee en wat heb je van de GI nodig?");
                    break;
                case Intent.Request:
                    text.AppendLine(en
                        ? "You want to ask the GI for advice or consultation. I'll open the request form: agree on a clear contribution and term, and use a pseudonymous case reference (never a name or BSN)."
                        : "Je wilt advies of consultatie vragen aan de GI. Ik open het aanvraagformulier: spreek een duidelijke bijdrage (deelresultaat) en termijn af en gebruik een pseudonieme casusreferentie (nooit een naam of BSN).");
                    break;
                case Intent.Reminder:
                    text.AppendLine(en
                        ? "I can remind you of agreed evaluation dates, e.g. \"remind me on 15 January about the evaluation of case 2024-17\". Type \"herinneringen\" to see your reminders."
                        : "Ik herinner je aan afgesproken evaluatiedata, bijvoorbeeld: \"herinner me op 15 januari aan de evaluatie van casus 2024-17\". Typ \"herinneringen\" om je herinneringen te zien.");
                    break;
                case Intent.Help:
                    AppendHelp(text, answer.Language);
                    break;
                default:
                    text.AppendLine(en
                        ? "I can't help with that. I answer questions such as \"Who can I consult about a high-conflict divorce in Oldambt?\" or \"Which route fits when parents don't cooperate?\". Type \"help\" to see more."
                        : "Daar kan ik je helaas niet mee helpen. Ik beantwoord vragen als \"Wie kan ik raadplegen over een vechtscheiding in Oldambt?\" of \"Welke route past als ouders niet meewerken?\". Typ \"help\" voor meer.");
                    break;
            }
        }

        foreach (var article in answer.Articles)
        {
            if (text.Length > 0)
            {
                text.AppendLine();
            }

            text.Append(article.Title.For(answer.Language)).AppendLine(":").AppendLine(article.Body.For(answer.Language));
        }

        AppendSources(text, answer.Sources, answer.Language);
        return text.ToString().TrimEnd();
    }

    private static void AppendSources(StringBuilder text, IReadOnlyList<SourceRef> sources, Lang lang)
    {
        if (sources.Count > 0)
        {
            text.AppendLine().AppendLine(lang == Lang.En ? "Sources:" : "Bronnen:");
            foreach (var document in sources.GroupBy(s => s.Document))
            {
                text.Append("- ").Append(document.Key).Append(": ").AppendLine(string.Join("; ", document.Select(s => s.Section)));
            }
        }
    }

    public static string PrivacyNotice(IReadOnlyList<PiiFinding> pii, Lang lang)
    {
        var kinds = string.Join(", ", pii.Select(p => KindName(p.Kind, lang)).Distinct());
        return lang == Lang.En
            ? $"Note: your message contains personal data ({kinds}). I have not stored or passed it on. Please use a pseudonymous case reference instead."
            : $"Let op: je bericht bevat persoonsgegevens ({kinds}). Die heb ik niet opgeslagen of doorgegeven. Gebruik liever een pseudonieme casusreferentie.";
    }

    public static string KindName(PiiKind kind, Lang lang) => (kind, lang) switch
    {
        (PiiKind.Bsn, _) => "BSN",
        (PiiKind.Phone, Lang.En) => "phone number",
        (PiiKind.Phone, _) => "telefoonnummer",
        (PiiKind.Email, Lang.En) => "e-mail address",
        (PiiKind.Email, _) => "e-mailadres",
        (PiiKind.DateOfBirth, Lang.En) => "date of birth",
        (PiiKind.DateOfBirth, _) => "geboortedatum",
        (PiiKind.PostcodeAddress, Lang.En) => "address",
        (PiiKind.PostcodeAddress, _) => "adres",
        (PiiKind.Iban, _) => "IBAN",
        (_, Lang.En) => "name",
        _ => "naam",
    };

    private static void AppendRoute(StringBuilder text, Route route, IReadOnlyList<Signal> reasons, Lang lang)
    {
        var en = lang == Lang.En;
        text.Append(en ? "Route: " : "Route: ").AppendLine(route.Name.For(lang));
        text.AppendLine(route.Summary.For(lang));
        if (reasons.Count > 0)
        {
            text.Append(en ? "Why: " : "Waarom: ").Append(string.Join("; ", reasons.Select(r => r.Label.For(lang)))).AppendLine(".");
        }

        AppendList(text, en ? "When it fits" : "Wanneer past dit", route.WhenItFits, lang);
        text.Append(en ? "Who keeps the lead (regie): " : "Regie: ").AppendLine(route.Regie.For(lang));
        AppendList(text, en ? "What to expect" : "Wat kun je verwachten", route.Expectations, lang);
        AppendList(text, en ? "Watch out" : "Let op", route.Pitfalls, lang);
        text.Append(en ? "Next step: " : "Volgende stap: ").AppendLine(route.NextStep.For(lang));
    }

    private static void AppendList(StringBuilder text, string title, IReadOnlyList<LocalizedText> items, Lang lang)
    {
        if (items.Count == 0)
        {
            return;
        }

        text.Append(title).AppendLine(":");
        foreach (var item in items)
        {
            text.Append("- ").AppendLine(item.For(lang));
        }
    }

    private static void AppendExperts(StringBuilder text, Answer answer)
    {
        var lang = answer.Language;
        var en = lang == Lang.En;
        var recommended = answer.Experts.Recommended;
        if (recommended.Count > 0)
        {
            text.AppendLine(en ? "You can consult:" : "Je kunt terecht bij:");
            var n = 1;
            foreach (var expert in recommended.Take(3))
            {
                text.Append(n++).Append(". ").Append(expert.Expert.Name).Append(" (").Append(expert.Expert.Role);
                if (expert.Organisation is { } org)
                {
                    text.Append(", ").Append(org.Name);
                }

                text.Append(") - ").AppendLine(string.Join(" · ", expert.Reasons));
                var contact = ContactLine(expert.Expert.Contact, lang);
                if (contact.Length > 0)
                {
                    text.Append("   ").AppendLine(contact);
                }
            }
        }
        else
        {
            var what = DescribeAsk(answer.Understanding, lang);
            text.AppendLine(en ? $"I found no expert in the pool for {what}." : $"Ik vond in de expertpool geen expert voor {what}.");
            foreach (var expert in answer.Experts.NotAcceptingRequests.Take(2))
            {
                text.AppendLine(en
                    ? $"{expert.Expert.Name} ({expert.Expert.Role}) matches but is not taking requests now."
                    : $"{expert.Expert.Name} ({expert.Expert.Role}) past wel, maar neemt nu geen aanvragen aan.");
            }

            if (answer.IntakeContacts.Count > 0)
            {
                text.AppendLine(en ? "Contact the intake instead:" : "Neem contact op met de intake:");
                foreach (var org in answer.IntakeContacts)
                {
                    text.Append("- ").Append(org.Name).Append(": ").AppendLine(ContactLine(org.Contact, lang));
                }
            }
        }
    }

    private static string DescribeAsk(Understanding understanding, Lang lang)
    {
        var parts = understanding.Topics.Concat(understanding.Roles).ToList();
        var what = parts.Count > 0 ? string.Join(", ", parts) : (lang == Lang.En ? "this question" : "deze vraag");
        return understanding.Municipality is { } m ? what + (lang == Lang.En ? " in " : " in ") + m.Name : what;
    }

    public static string ContactLine(Contact contact, Lang lang)
    {
        var parts = new List<string>();
        if (contact.Phone is { } phone)
        {
            parts.Add((lang == Lang.En ? "phone " : "tel. ") + phone);
        }

        if (contact.Email is { } email)
        {
            parts.Add(email);
        }

        if (contact.TeamsUserId is not null)
        {
            parts.Add(lang == Lang.En ? "chat in Teams" : "chat via Teams");
        }

        return string.Join(" · ", parts);
    }

    private static void AppendHelp(StringBuilder text, Lang lang)
    {
        if (lang == Lang.En)
        {
            text.AppendLine("I help casemanagers in local teams with child-safety questions:")
                .AppendLine("- Who can I consult? E.g. \"Who can I consult about domestic violence in Veendam on Friday?\"")
                .AppendLine("- Which route fits? E.g. \"Parents refuse to cooperate and the child stays unsafe; what next?\"")
                .AppendLine("- Ask the GI for advice: type \"aanvraag\" to open the request form.")
                .AppendLine("- Reminders of evaluation dates: type \"herinneringen\".")
                .AppendLine("Privacy: never type names, BSNs or addresses; use a pseudonymous case reference.");
            return;
        }

        text.AppendLine("Ik help casemanagers in lokale teams bij vragen over de veiligheid van kinderen:")
            .AppendLine("- Wie kan ik raadplegen? Bijvoorbeeld: \"Wie kan ik vrijdag raadplegen over huiselijk geweld in Veendam?\"")
            .AppendLine("- Welke route past? Bijvoorbeeld: \"Ouders weigeren elke hulp en de onveiligheid blijft, wat nu?\"")
            .AppendLine("- Advies vragen aan de GI: typ \"aanvraag\" voor het aanvraagformulier.")
            .AppendLine("- Herinneringen aan evaluatiedata: typ \"herinneringen\".")
            .AppendLine("Privacy: typ nooit namen, BSN's of adressen; gebruik een pseudonieme casusreferentie.");
    }
}
