using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Experts;
using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Routes;
using static ExpertBot.Bot.Cards.CardElements;

namespace ExpertBot.Bot.Cards;

/// <summary>
/// Turns an <see cref="Answer"/> into an Adaptive Card (1.5, Teams). Pure: the same answer and id give the same
/// JSON. When the question contained personal data, the card opens with the privacy warning.
/// </summary>
internal static partial class AnswerCards
{
    public const int MaxExperts = 3;
    private const int MaxListItems = 8;
    private const int MaxListItemLength = 500;
    private const int MaxSources = 10;
    private const int MaxArticles = 3;
    private const int MaxNotes = 2;
    private const int MaxChoices = 10;

    /// <summary>
    /// The card for an answer: route, follow-up question, experts, help, or the answer's text (request,
    /// reminder, unknown). <paramref name="vote"/> (+1/-1), once the user voted, replaces the feedback buttons
    /// by a thank-you line so the handler can refresh the card.
    /// </summary>
    public static JsonObject For(Answer answer, string answerId, int? vote = null)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentException.ThrowIfNullOrWhiteSpace(answerId);
        var t = CardText.For(answer.Language);
        var body = new List<JsonNode>();
        if (answer.Pii.Count > 0)
        {
            body.Add(PrivacyWarning(answer));
        }

        if (answer.Route is { } advice)
        {
            RouteBody(body, answer, advice, t);
            body.Add(FeedbackRow(answer, answerId, vote, t));
        }
        else if (answer.FollowUp is { } followUp)
        {
            FollowUpBody(body, answer, followUp, answerId, t);
        }
        else if (answer.Intent == Intent.Who)
        {
            ExpertBody(body, answer, t);
            body.Add(FeedbackRow(answer, answerId, vote, t));
        }
        else if (answer.Intent == Intent.Help)
        {
            GuideBody(body, t.HelpTitle, t);
        }
        else
        {
            TextBody(body, answer, t);
        }

        return Card(body);
    }

    public static JsonObject Welcome(Lang lang)
    {
        var t = CardText.For(lang);
        var body = new List<JsonNode>();
        GuideBody(body, t.WelcomeTitle, t);
        return Card(body);
    }

    public static JsonObject Help(Lang lang)
    {
        var t = CardText.For(lang);
        var body = new List<JsonNode>();
        GuideBody(body, t.HelpTitle, t);
        return Card(body);
    }

    public static JsonObject FeedbackThanks(Lang lang)
    {
        var t = CardText.For(lang);
        return Card([Heading("🙏 " + t.ThanksTitle), Text(t.ThanksBody, subtle: true, spacing: "Small")]);
    }

    public static JsonObject Error(Lang lang, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var t = CardText.For(lang);
        var items = new List<JsonNode> { Heading("⚠️ " + t.ErrorTitle) };
        if (!string.IsNullOrWhiteSpace(message))
        {
            items.Add(Text(message, spacing: "Small"));
        }

        items.Add(Text(t.ErrorHint, subtle: true, spacing: "Small"));
        return Card([Container(items, style: "attention")]);
    }

    /// <summary>The vote's data says what was rated (intent, route), so storing it needs no lookup.</summary>
    private static JsonObject FeedbackRow(Answer answer, string answerId, int? vote, CardText t)
    {
        if (vote is not null)
        {
            return Text((vote > 0 ? "👍 " : "👎 ") + t.ThanksTitle, size: "Small", subtle: true, spacing: "Medium");
        }

        return Columns(
            [
                Column([Text(t.FeedbackPrompt, size: "Small", subtle: true)], verticalAlignment: "Center"),
                Column([ActionSet([Vote(t.Helpful, 1), Vote(t.NotHelpful, -1)])], width: "auto", verticalAlignment: "Center"),
            ],
            spacing: "Medium",
            separator: true);

        JsonObject Vote(string title, int value)
        {
            var data = Data((CardData.AnswerId, answerId), (CardData.Intent, answer.Intent.Code()), (CardData.RouteId, answer.Route?.Route.Id), (CardData.Lang, LangCode(answer)));
            data[CardData.Vote] = value;
            return Execute(title, CardVerbs.Feedback, data);
        }
    }

    /// <summary>On the answer's buttons, so what they bring continues in the answer's language (not the client's locale).</summary>
    private static string LangCode(Answer answer) => answer.Language == Lang.En ? "en" : "nl";

    private static JsonObject PrivacyWarning(Answer answer) =>
        Container([Text("⚠️ " + AnswerText.PrivacyNotice(answer.Pii, answer.Language), weight: "Bolder")], style: "attention");

    private static void RouteBody(List<JsonNode> body, Answer answer, RouteAdvice advice, CardText t)
    {
        var lang = answer.Language;
        var route = advice.Route;
        var sections = new Sections();
        body.Add(Heading(route.Name.For(lang), size: "Large"));
        if (advice.Reasons.Count > 0)
        {
            body.Add(Text($"**{t.Why}:** " + string.Join("; ", advice.Reasons.Select(r => r.Label.For(lang))), subtle: true, spacing: "Small"));
        }

        // A model's wording (checked against this answer's facts) takes the summary's place; the sections stay.
        body.Add(Text(answer.Phrasing ?? route.Summary.For(lang)));
        AddList(body, sections, t.WhenItFits, route.WhenItFits, lang, t);
        body.AddRange(sections.Add(t.Regie, [Text(route.Regie.For(lang))]));
        AddList(body, sections, t.Expectations, route.Expectations, lang, t);
        AddList(body, sections, "⚠️ " + t.Pitfalls, route.Pitfalls, lang, t);
        foreach (var article in answer.Articles.Take(MaxArticles))
        {
            body.AddRange(sections.Add($"{t.ReadMore}: {article.Title.For(lang)}", [Text(article.Body.For(lang))]));
        }

        body.Add(Container(
            [
                Heading("➡️ " + t.NextStep, size: "Default"),
                Text(route.NextStep.For(lang), spacing: "Small"),
                ActionSet(
                [
                    Execute(t.AskGi, CardVerbs.RequestOpen, Data((CardData.RouteId, route.Id), (CardData.Lang, LangCode(answer)))),
                    Execute(t.ShowExperts, CardVerbs.ExpertsShow, Data((CardData.RouteId, route.Id), (CardData.Municipality, answer.Understanding.Municipality?.Name), (CardData.Lang, LangCode(answer)))),
                ]),
            ],
            style: "emphasis",
            spacing: "Medium"));

        var sources = answer.Sources.Count > 0 ? answer.Sources : route.Sources;
        if (sources.Count > 0)
        {
            body.AddRange(sections.Add(
                t.Sources,
                Bullets(SourceLines(sources), t, MaxSources, small: true)));
        }
    }

    /// <summary>One line per document with its sections, in the order the sources came: "document: §1; §2".</summary>
    private static List<string> SourceLines(IReadOnlyList<SourceRef> sources) =>
        [.. sources
            .GroupBy(s => s.Document, StringComparer.Ordinal)
            .Select(g => g.Key + ": " + string.Join("; ", g.Select(s => s.Section).Distinct(StringComparer.Ordinal)))];

    private static void AddList(List<JsonNode> body, Sections sections, string title, IReadOnlyList<LocalizedText> items, Lang lang, CardText t)
    {
        if (items.Count > 0)
        {
            body.AddRange(sections.Add(title, Bullets(items.Select(i => i.For(lang)).ToList(), t, MaxListItems)));
        }
    }

    private static IEnumerable<JsonNode> Bullets(IReadOnlyList<string> items, CardText t, int max, bool small = false)
    {
        foreach (var item in items.Take(max))
        {
            yield return Text("• " + Clip(item, MaxListItemLength), size: small ? "Small" : null, subtle: small, spacing: "Small");
        }

        if (items.Count > max)
        {
            yield return Text(string.Format(CultureInfo.InvariantCulture, t.More, items.Count - max), size: "Small", subtle: true, spacing: "Small");
        }
    }

    private static void FollowUpBody(List<JsonNode> body, Answer answer, FollowUpQuestion followUp, string answerId, CardText t)
    {
        var lang = answer.Language;
        body.Add(Text(t.FollowUpIntro, subtle: true));
        body.Add(Heading(followUp.Question.For(lang), spacing: "Small"));
        foreach (var choice in followUp.Choices.Take(MaxChoices))
        {
            var label = choice.Label.For(lang);
            body.Add(ButtonRow(label, Execute(t.Choose, CardVerbs.FollowUpChoose, Data((CardData.FollowUp, followUp.Id), (CardData.Value, choice.Value), (CardData.AnswerId, answerId), (CardData.Lang, LangCode(answer))), tooltip: label)));
        }
    }

    private static void ExpertBody(List<JsonNode> body, Answer answer, CardText t)
    {
        var lang = answer.Language;
        var recommended = answer.Experts.Recommended;
        if (recommended.Count > 0)
        {
            body.Add(Heading(t.ExpertsTitle, size: "Large"));
            if (answer.Phrasing is { } phrasing)
            {
                body.Add(Text(phrasing, spacing: "Small"));
            }

            foreach (var expert in recommended.Take(MaxExperts))
            {
                body.Add(ExpertBlock(expert, lang, t));
            }

            if (recommended.Count > MaxExperts)
            {
                body.Add(Text(string.Format(CultureInfo.InvariantCulture, t.MoreExperts, recommended.Count - MaxExperts), size: "Small", subtle: true));
            }

            AddNotAccepting(body, answer, t);
            return;
        }

        body.Add(Heading("🔍 " + t.NoExpertTitle, size: "Large"));
        body.Add(Text(answer.Phrasing ?? (answer.Understanding.Municipality is { } m
            ? string.Format(CultureInfo.InvariantCulture, t.NoExpertBodyIn, m.Name)
            : t.NoExpertBody), spacing: "Small"));
        AddNotAccepting(body, answer, t);
        if (answer.IntakeContacts.Count > 0)
        {
            body.Add(Heading(t.IntakeTitle, size: "Default", spacing: "Medium"));
            foreach (var organisation in answer.IntakeContacts.Take(MaxExperts))
            {
                var items = new List<JsonNode> { Text(organisation.Name, weight: "Bolder") };
                AddContact(items, organisation.Contact, lang, t, chatByEmail: false);
                body.Add(Container(items, spacing: "Medium", separator: true));
            }
        }
        else
        {
            body.Add(Text(t.NoIntake, spacing: "Medium"));
        }

        body.Add(ActionSet(
            [Execute(t.AskGi, CardVerbs.RequestOpen, Data(
                (CardData.Municipality, answer.Understanding.Municipality?.Name),
                (CardData.Topic, answer.Understanding.Topics.FirstOrDefault())))],
            spacing: "Medium"));
    }

    private static JsonObject ExpertBlock(RankedExpert ranked, Lang lang, CardText t)
    {
        var expert = ranked.Expert;
        var role = ranked.Organisation is { } org ? $"{expert.Role} · {org.Name}" : expert.Role;
        var items = new List<JsonNode>
        {
            Text(expert.Name, size: "Medium", weight: "Bolder"),
            Text(role, subtle: true, spacing: "None"),
        };
        // The ranker states availability as one of its reasons; it gets its own coloured line instead of being repeated.
        var availability = ranked.Reasons.FirstOrDefault(IsAvailabilityReason);
        var reasons = ranked.Reasons.Where(r => !ReferenceEquals(r, availability)).ToList();
        if (reasons.Count > 0)
        {
            items.Add(Text(string.Join(" · ", reasons), spacing: "Small"));
        }

        if (availability is null && expert.Available.Count > 0)
        {
            availability = $"{t.AvailableOn}: {string.Join(", ", expert.Available.Select(d => DayReader.CodeName(d, lang)))}";
        }

        if (availability is not null)
        {
            items.Add(Text(
                (ranked.AvailableOnDay ? "✅ " : "⏳ ") + Capitalize(availability),
                size: "Small",
                color: ranked.AvailableOnDay ? "Good" : "Warning",
                spacing: "Small"));
        }

        AddContact(items, expert.Contact, lang, t);
        return Container(items, spacing: "Medium", separator: true);
    }

    private static bool IsAvailabilityReason(string reason) =>
        reason.Contains("beschikbaar", StringComparison.OrdinalIgnoreCase) || reason.Contains("available", StringComparison.OrdinalIgnoreCase);

    private static string Capitalize(string text) =>
        text.Length > 0 && char.IsLower(text[0]) ? char.ToUpperInvariant(text[0]) + text[1..] : text;

    private static void AddNotAccepting(List<JsonNode> body, Answer answer, CardText t)
    {
        foreach (var ranked in answer.Experts.NotAcceptingRequests.Take(MaxNotes))
        {
            body.Add(Text(
                "ℹ️ " + string.Format(CultureInfo.InvariantCulture, t.NotAcceptingNote, ranked.Expert.Name, ranked.Expert.Role),
                size: "Small",
                subtle: true,
                spacing: "Medium"));
        }
    }

    private static void AddContact(List<JsonNode> items, Contact contact, Lang lang, CardText t, bool chatByEmail = true)
    {
        var line = AnswerText.ContactLine(contact, lang);
        if (line.Length > 0)
        {
            items.Add(Text(line, size: "Small", subtle: true, spacing: "Small"));
        }

        var actions = ContactActions(contact, t, chatByEmail);
        if (actions.Count > 0)
        {
            items.Add(ActionSet(actions, spacing: "Small"));
        }
    }

    /// <summary>
    /// Open-URL buttons for the contact routes an expert or organisation has: Teams chat, phone, e-mail. Titles stay
    /// short (Teams cuts button titles to one line); the numbers and addresses are in the contact line above them.
    /// A person's e-mail address doubles as their Teams login for the chat link; an organisation's shared mailbox does not.
    /// </summary>
    internal static List<JsonNode> ContactActions(Contact contact, CardText t, bool chatByEmail = true)
    {
        var actions = new List<JsonNode>();
        var chatUser = ChatUser(contact, chatByEmail);
        if (chatUser is not null)
        {
            actions.Add(OpenUrl("💬 " + t.Chat, TeamsChatLink(chatUser)));
        }

        if (contact.Phone is { } phone && TelUri(phone) is { } tel)
        {
            actions.Add(OpenUrl("📞 " + t.Call, tel));
        }

        if (IsEmail(contact.Email))
        {
            actions.Add(OpenUrl("✉️ " + t.Mail, "mailto:" + contact.Email!.Trim()));
        }

        return actions;
    }

    /// <summary>
    /// Who the chat link addresses. The deep link's <c>users</c> accepts only an Entra user principal name
    /// (learn.microsoft.com, "Deep link to Teams chat"), so a UPN-like Teams id comes first, then the e-mail
    /// address (usually the UPN), and a bare Teams id (e.g. "29:…") only when there is nothing else.
    /// </summary>
    private static string? ChatUser(Contact contact, bool chatByEmail)
    {
        var teamsId = string.IsNullOrWhiteSpace(contact.TeamsUserId) ? null : contact.TeamsUserId.Trim();
        if (teamsId is not null && IsEmail(teamsId))
        {
            return teamsId;
        }

        return chatByEmail && IsEmail(contact.Email) ? contact.Email!.Trim() : teamsId;
    }

    /// <summary>Teams deep link to a 1:1 chat; the user (Teams id or e-mail/UPN) is URL-encoded.</summary>
    internal static string TeamsChatLink(string user) =>
        "https://teams.microsoft.com/l/chat/0/0?users=" + Uri.EscapeDataString(user);

    /// <summary>A <c>tel:</c> URI with only digits and a leading plus; null when the number has no digits.</summary>
    internal static string? TelUri(string phone)
    {
        var trimmed = phone.Trim();
        var digits = new string([.. trimmed.Where(char.IsAsciiDigit)]);
        return digits.Length == 0 ? null : "tel:" + (trimmed.StartsWith('+') ? "+" : "") + digits;
    }

    private static bool IsEmail(string? email) => email is not null && EmailPattern().IsMatch(email.Trim());

    [GeneratedRegex(@"^[^\s@?&#/:]+@[^\s@?&#/:]+\.[^\s@?&#/:]+$", RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern();

    private static void GuideBody(List<JsonNode> body, string title, CardText t)
    {
        body.Add(Heading(title, size: "Large"));
        body.Add(Text(t.Intro, spacing: "Small"));
        foreach (var ability in t.Abilities)
        {
            body.Add(Text("• " + ability, spacing: "Small"));
        }

        body.Add(Container(
            [Text("🔒 " + t.PrivacyTitle, weight: "Bolder"), Text(t.Privacy, spacing: "Small")],
            style: "emphasis",
            spacing: "Medium"));
        AddExamples(body, t);
    }

    private static void AddExamples(List<JsonNode> body, CardText t)
    {
        body.Add(Heading(t.ExamplesTitle, size: "Default", spacing: "Medium"));
        foreach (var example in t.Examples)
        {
            body.Add(ButtonRow($"“{example}”", Execute(t.AskThis, CardVerbs.Ask, Data((CardData.Text, example)), tooltip: example)));
        }
    }

    /// <summary>
    /// A wrapped text with a short button beside it. Long labels do not fit on a button: Teams cuts button titles
    /// to one line, so the label is text and the button's tooltip repeats it for screen readers.
    /// </summary>
    private static JsonObject ButtonRow(string text, JsonObject action) => Columns(
        [
            Column([Text(text)], verticalAlignment: "Center"),
            Column([ActionSet([action])], width: "auto", verticalAlignment: "Center"),
        ],
        spacing: "Small",
        separator: true);

    private static void TextBody(List<JsonNode> body, Answer answer, CardText t)
    {
        var text = answer.Text;
        if (answer.Pii.Count > 0)
        {
            var notice = AnswerText.PrivacyNotice(answer.Pii, answer.Language);
            if (text.StartsWith(notice, StringComparison.Ordinal))
            {
                text = text[notice.Length..];
            }
        }

        var spacing = "Medium";
        foreach (var line in text.Trim().Split('\n').Select(l => l.TrimEnd('\r')).Take(40))
        {
            if (line.Trim().Length == 0)
            {
                spacing = "Medium";
                continue;
            }

            body.Add(Text(line.StartsWith("- ", StringComparison.Ordinal) ? "• " + line[2..] : line, spacing: body.Count == 0 ? null : spacing));
            spacing = "Small";
        }

        switch (answer.Intent)
        {
            case Intent.Request:
                body.Add(ActionSet(
                    [Execute(t.RequestForm, CardVerbs.RequestOpen, Data(
                        (CardData.Municipality, answer.Understanding.Municipality?.Name),
                        (CardData.Topic, answer.Understanding.Topics.FirstOrDefault())))],
                    spacing: "Medium"));
                break;
            case Intent.Unknown:
                AddExamples(body, t);
                break;
        }
    }

    /// <summary>Collapsible sections: a clickable header with a chevron that toggles its hidden body. Ids are unique per card.</summary>
    private sealed class Sections
    {
        private int _count;

        public IEnumerable<JsonNode> Add(string title, IEnumerable<JsonNode> content)
        {
            var id = "s" + (++_count).ToString(CultureInfo.InvariantCulture);
            var header = Container(
                [
                    Columns(
                    [
                        Column([Text("▸", weight: "Bolder", id: id + "-closed"), Text("▾", weight: "Bolder", id: id + "-open", visible: false)], width: "auto"),
                        Column([Text(title, weight: "Bolder")]),
                    ]),
                ],
                spacing: "Medium",
                separator: true,
                selectAction: Toggle(id, id + "-closed", id + "-open"));
            return [header, Container(content, id: id, spacing: "Small", visible: false)];
        }
    }
}
