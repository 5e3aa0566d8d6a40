using System.Text;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// Decides whether a model's wording may replace the embedded text. Mechanical, no trust: every expert or route
/// it names, by id or by name, must be in the facts (or in the facts' own text), so must every organisation it
/// names, and every phone number, e-mail
/// address or other contact value must come from the facts. Anything else means it invented something.
/// </summary>
public static class PhrasingCheck
{
    /// <summary>Longer than a card's summary should be; a long reply is more likely to wander off the facts.</summary>
    public const int MaxLength = 1500;

    public const string Empty = "empty";
    public const string TooLong = "too-long";
    public const string UnknownExpert = "unknown-expert";
    public const string UnknownRoute = "unknown-route";
    public const string UnknownOrganisation = "unknown-organisation";
    public const string InventedContact = "invented-contact";

    /// <summary>Null when the wording may be used; otherwise why not (one of the constants above).</summary>
    public static string? Reject(PhrasedAnswer phrased, GroundingFacts facts, KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(phrased);
        ArgumentNullException.ThrowIfNull(facts);
        ArgumentNullException.ThrowIfNull(knowledge);
        var text = phrased.Text.Trim();
        if (text.Length == 0)
        {
            return Empty;
        }

        if (text.Length > MaxLength)
        {
            return TooLong;
        }

        var expertIds = facts.ExpertIds;
        var routeIds = facts.RouteIds;
        if (phrased.ExpertIds.Any(id => !expertIds.Contains(id)))
        {
            return UnknownExpert;
        }

        if (phrased.RouteIds.Any(id => !routeIds.Contains(id)))
        {
            return UnknownRoute;
        }

        // What the facts themselves say may be repeated, e.g. a route's pitfall that names Veilig Thuis.
        var grounded = facts.ToJson();
        bool Grounded(string mention) => Mentions(grounded, mention);

        if (knowledge.Experts.Any(e => !expertIds.Contains(e.Id) && (Mentions(text, e.Id) || Mentions(text, e.Name)) && !Grounded(e.Name)))
        {
            return UnknownExpert;
        }

        if (knowledge.Routes.Any(r => !routeIds.Contains(r.Id)
                && new[] { r.Id, r.Name.Nl, r.Name.En }.Any(m => !string.IsNullOrWhiteSpace(m) && Mentions(text, m!) && !Grounded(m!))))
        {
            return UnknownRoute;
        }

        if (knowledge.Organisations.Any(o => Mentions(text, o.Name) && !Grounded(o.Name)))
        {
            return UnknownOrganisation;
        }

        return InventsContact(text, grounded) ? InventedContact : null;
    }

    /// <summary>The answer worded as <paramref name="phrased"/> (call after <see cref="Reject"/> returned null); sources stay.</summary>
    public static Answer Apply(Answer answer, PhrasedAnswer phrased)
    {
        ArgumentNullException.ThrowIfNull(answer);
        ArgumentNullException.ThrowIfNull(phrased);
        var worded = answer with { Phrasing = phrased.Text.Trim() };
        return worded with { Text = AnswerText.Compose(worded) };
    }

    /// <summary>A phone number, e-mail address, BSN, IBAN or address in the wording that the facts do not hold.</summary>
    private static bool InventsContact(string text, string grounded)
    {
        var groundedDigits = Digits(grounded);
        foreach (var finding in PrivacyGuard.Scan(text).Where(f => f.Kind != PiiKind.PersonName && f.Kind != PiiKind.DateOfBirth))
        {
            var value = text.Substring(finding.Start, finding.Length);
            var found = finding.Kind == PiiKind.Email
                ? grounded.Contains(value, StringComparison.OrdinalIgnoreCase)
                : groundedDigits.Contains(Digits(value), StringComparison.Ordinal);
            if (!found)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A whole-word, case-insensitive occurrence ("Nazorg" is not found in "nazorgtraject").</summary>
    internal static bool Mentions(string text, string phrase)
    {
        if (phrase.Length == 0)
        {
            return false;
        }

        for (var at = text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
        }

        return false;
    }

    private static string Digits(string text)
    {
        var digits = new StringBuilder(text.Length);
        foreach (var c in text.Where(char.IsAsciiDigit))
        {
            digits.Append(c);
        }

        return digits.ToString();
    }
}
