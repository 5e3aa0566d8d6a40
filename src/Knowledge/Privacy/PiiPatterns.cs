using System.Text.RegularExpressions;

namespace ExpertBot.Knowledge.Privacy;

// Candidate finders only: each match is confirmed by a check in code (checksum, calendar, context).
// Every pattern is anchored on a literal or a bounded loop so a scan stays linear; the timeout is a
// backstop, and a timed-out detector is skipped rather than failing the turn (see PrivacyGuard.Scan).
internal static partial class PiiPatterns
{
    private const int TimeoutMs = 1000;
    private const RegexOptions Exact = RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private const RegexOptions Loose = Exact | RegexOptions.IgnoreCase;

    // Particles (tussenvoegsels) that may sit between the capitalised parts of one name.
    private const string Particle = @"(?:van|de|der|den|het|ter|ten|von|el|'t|’t)";
    private const string Capitalised =
        @"(?:\p{Lu}\p{Ll}+(?:['’\-]?\p{Lu}\p{Ll}+|['’\-]\p{Ll}+)*|(?:\p{Lu}\.){1,3}(?=[\p{Zs}\t]))";
    private const string NameTail = @"(?:[\p{Zs}\t]+(?:" + Particle + @"[\p{Zs}\t]+){0,3}" + Capitalised + ")*";
    // "Naam: Piet", "moeder, Anna", "Met vriendelijke groet,\nPetra": a name may follow on the next line.
    private const string CueSeparator = @"\G[\p{Zs}\t]*(?:[:\-–,][\p{Zs}\t]*)?(?:\r?\n[\p{Zs}\t]*)?";

    private const string Months =
        "januari|january|februari|february|maart|march|april|mei|may|juni|june|juli|july|augustus|august|"
        + "september|oktober|october|november|december|jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec";

    // Nine digits, bare or in one common grouping with one consistent separator; never part of a longer run.
    [GeneratedRegex(
        @"(?<!\d)(?<!\d[ .\-])(?:\d{9}|\d{4}(?<a>[ .\-])\d{2}\k<a>\d{3}|\d{3}(?<b>[ .\-])\d{3}\k<b>\d{3}"
        + @"|\d{2}(?<c>[ .\-])\d{2}\k<c>\d{2}\k<c>\d{3})(?!\d)(?![ .\-]\d)",
        Exact, TimeoutMs)]
    internal static partial Regex Bsn();

    // +31 / 0031 / 0 followed by nine digits; the lookbehind keeps the bank code of a spaced IBAN out.
    [GeneratedRegex(
        @"(?<![\w+])(?<![A-Za-z]{2}\d{2} ?[A-Za-z]{4} ?)(?:(?:\+|00)31[ \-.]?(?:\(0\)[ \-.]?)?|\(?0)"
        + @"(?<rest>\d(?:\)?[ \-.]?\d){8})(?!\d)(?![ \-.]\d)",
        Exact, TimeoutMs)]
    internal static partial Regex Phone();

    [GeneratedRegex(@"(?<![\w.%+\-])(?<local>[\w.%+\-]+)@(?<domain>[\w\-]+(?:\.[\w\-]+)+)", Exact, TimeoutMs)]
    internal static partial Regex Email();

    [GeneratedRegex(@"(?<![\p{L}\d])[A-Za-z]{2}\d{2}(?:[ ]?[A-Za-z0-9]){11,30}", Exact, TimeoutMs)]
    internal static partial Regex Iban();

    // "Hoofdstraat 12a", "Grote Markt 1", optionally followed by ", 9711 AB Groningen".
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:(?<pre>\p{Lu}\p{Ll}+)[\p{Zs}]+)?(?<street>\p{Lu}[\p{L}'’\-]*"
        + @"(?<=(?i:straat|weg|laan|plein|kade|singel|gracht|dijk|pad|hof|steeg|dreef|park|markt|erf|wal|zijl|diep)))"
        + @"[\p{Zs}]+[1-9]\d{0,4}(?:[\p{Zs}]?[A-Za-z](?![\p{L}\d])|-\d{1,4})?(?![\d\p{L}])"
        + @"(?:,?[\p{Zs}]+[1-9]\d{3}[\p{Zs}]?(?!S[ADS])[A-Z]{2}(?![\p{L}\d])"
        + @"(?:,?[\p{Zs}]+(?:'s-)?\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*)?)?",
        Exact, TimeoutMs)]
    internal static partial Regex StreetAddress();

    // "9711 AB", "9711AB 12", "9711 AB Groningen".
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?<code>[1-9]\d{3}[\p{Zs}]?(?!S[ADS])(?<letters>[A-Z]{2}))(?![\p{L}\d])"
        + @"(?:[\p{Zs}]+(?<number>[1-9]\d{0,4}(?:[A-Za-z](?![\p{L}\d]))?)(?![\d\p{L}])"
        + @"|,?[\p{Zs}]+(?<city>(?:'s-)?\p{Lu}\p{Ll}+(?:-\p{Lu}?\p{Ll}+)*))?",
        Exact, TimeoutMs)]
    internal static partial Regex Postcode();

    // 12-03-2015, 12/03/15, 12.03.2015, 2015-03-12.
    [GeneratedRegex(
        @"(?<!\d)(?<!\d[\-/.])(?:(?<d>\d{1,2})(?<s>[\-/.])(?<m>\d{1,2})\k<s>(?<y>\d{4}|\d{2})"
        + @"|(?<y>\d{4})-(?<m>\d{1,2})-(?<d>\d{1,2}))(?!\d)(?![\-/.]\d)",
        Exact, TimeoutMs)]
    internal static partial Regex NumericDate();

    // 3 maart 2015, 12 jan. 2016, 3rd of March 2015, March 3, 2015.
    [GeneratedRegex(
        @"(?<![\p{L}\d])(?:(?<d>\d{1,2})(?:ste|de|st|nd|rd|th|e)?[\p{Zs}]+(?:of[\p{Zs}]+)?(?:" + Months + @")(?![\p{L}])\.?"
        + @"(?:,?[\p{Zs}]+(?<y>\d{4}|'\d{2})(?!\d))?"
        + @"|(?:" + Months + @")(?![\p{L}])\.?[\p{Zs}]+(?<d>\d{1,2})(?:st|nd|rd|th)?(?![\d\p{L}])"
        + @"(?:,?[\p{Zs}]+(?<y>\d{4})(?!\d))?)",
        Loose, TimeoutMs)]
    internal static partial Regex TextualDate();

    [GeneratedRegex(
        @"(?<![\p{L}])(?:geboortedatum|geboortedag|geb\.?datum|geboren|geb\.?|born|d\.?o\.?b\.?"
        + @"|date[\p{Zs}]+of[\p{Zs}]+birth|birth[\p{Zs}]?date|birthday|verjaardag)(?![\p{L}])",
        Loose, TimeoutMs)]
    internal static partial Regex BirthCue();

    // A run of capitalised words, particles allowed between them: the raw material for names.
    [GeneratedRegex(@"(?<![\p{L}\p{N}'’\-.])" + Capitalised + NameTail + @"(?![\p{L}\p{N}])", Exact, TimeoutMs)]
    internal static partial Regex CapitalisedRun();

    // Words that introduce a name. Honorifics may be followed by a bare particle ("mevrouw de Vries").
    [GeneratedRegex(
        @"(?<![\p{L}])(?:(?<title>meneer|mevrouw|mevr\.?|mw\.?|dhr\.?|heer|familie|fam\.|mr\.?|mrs\.?|ms\.)"
        + @"|(?<relation>(?:pleeg|stief)?(?:moeder|vader)|zoon(?:tje)?|dochter(?:tje)?|kind|broer(?:tje)?|zus(?:je)?"
        + @"|oma|opa|cli[eë]nt|mother|father|son|daughter)"
        + @"|(?<intro>genaamd|(?:voor|achter)?naam|name|named|called|heet|gaat[\p{Zs}]+(?:het[\p{Zs}]+)?(?:om|over)"
        + @"|beste|hoi|hallo|dear|groet(?:en)?|regards))"
        + @"(?![\p{L}])",
        Loose, TimeoutMs)]
    internal static partial Regex NameCue();

    [GeneratedRegex(
        CueSeparator + @"(?:(?:is|was|luidt)[\p{Zs}\t]+)?(?<name>(?:" + Particle + @"[\p{Zs}\t]+){0,3}"
        + Capitalised + NameTail + @")(?![\p{L}\p{N}])",
        Exact, TimeoutMs)]
    internal static partial Regex NameAfterTitle();

    [GeneratedRegex(
        CueSeparator + @"(?:van[\p{Zs}\t]+)?(?<name>" + Capitalised + NameTail + @")(?![\p{L}\p{N}])",
        Exact, TimeoutMs)]
    internal static partial Regex NameAfterRelation();
}
