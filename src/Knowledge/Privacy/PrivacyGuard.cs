using System.Text;

namespace ExpertBot.Knowledge.Privacy;

/// <summary>
/// Finds and masks personal data in free text before it leaves the casemanager's chat: BSN, phone numbers,
/// e-mail addresses, dates of birth, addresses, IBANs and names. Dutch first, English cues too.
/// Errs towards masking for checksummed values and towards leaving text alone for names.
/// </summary>
public static class PrivacyGuard
{
    /// <summary>Findings sorted by start, never overlapping. Never throws; null or empty text has none.</summary>
    public static IReadOnlyList<PiiFinding> Scan(string text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var candidates = new List<PiiFinding>();
        StructuredDetectors.AddBsns(text, candidates);
        StructuredDetectors.AddPhones(text, candidates);
        StructuredDetectors.AddEmails(text, candidates);
        StructuredDetectors.AddIbans(text, candidates);
        StructuredDetectors.AddAddresses(text, candidates);

        var dates = StructuredDetectors.FindDates(text);
        BirthDates.AddCued(text, dates, candidates);

        return NameDetector.AddNames(text, Overlaps.Resolve(candidates), dates);
    }

    /// <summary>
    /// Replaces each finding by a placeholder such as "[BSN]". Overlapping findings are merged so no part of a
    /// value survives; findings outside the text are clipped or ignored. Never throws.
    /// </summary>
    public static string Redact(string text, IReadOnlyList<PiiFinding> findings)
    {
        if (string.IsNullOrEmpty(text) || findings is null || findings.Count == 0)
        {
            return text ?? string.Empty;
        }

        var ordered = findings
            .Where(f => f is not null && f.Length > 0 && f.Start < text.Length && f.Start + (long)f.Length > 0)
            .OrderBy(f => f.Start)
            .ThenByDescending(f => f.Length);

        var builder = new StringBuilder(text.Length);
        var position = 0;
        foreach (var finding in ordered)
        {
            var start = Math.Max(finding.Start, 0);
            var end = (int)Math.Min((long)finding.Start + finding.Length, text.Length);
            if (end <= position)
            {
                continue;
            }

            if (start >= position)
            {
                builder.Append(text, position, start - position).Append(Placeholder(finding.Kind));
            }

            position = end;
        }

        return builder.Append(text, position, text.Length - position).ToString();
    }

    /// <summary>Scan and redact in one go.</summary>
    public static string Redact(string text) => Redact(text, Scan(text));

    /// <summary>
    /// Elfproef for a burgerservicenummer: nine digits (spaces, dots and dashes between them are ignored),
    /// 9*d1 + 8*d2 + ... + 2*d8 - d9 divisible by 11, not all zeros.
    /// </summary>
    public static bool IsValidBsn(string digits) => digits is not null && Checksums.IsElfproef(digits);

    internal static string Placeholder(PiiKind kind) => kind switch
    {
        PiiKind.Bsn => "[BSN]",
        PiiKind.Phone => "[TELEFOON]",
        PiiKind.Email => "[E-MAIL]",
        PiiKind.DateOfBirth => "[GEBOORTEDATUM]",
        PiiKind.PostcodeAddress => "[ADRES]",
        PiiKind.Iban => "[IBAN]",
        PiiKind.PersonName => "[NAAM]",
        _ => "[PRIVÉ]",
    };
}
