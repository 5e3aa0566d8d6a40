using System.Collections.Frozen;

namespace ExpertBot.Knowledge.Privacy;

internal static class Checksums
{
    // Elfproef: 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 must be divisible by 11; all zeros is not a BSN.
    public static bool IsElfproef(ReadOnlySpan<char> text)
    {
        Span<int> digits = stackalloc int[9];
        var count = 0;
        foreach (var c in text)
        {
            if (c is >= '0' and <= '9')
            {
                if (count == digits.Length)
                {
                    return false;
                }

                digits[count++] = c - '0';
            }
            else if (c is not (' ' or '.' or '-'))
            {
                return false;
            }
        }

        if (count != digits.Length)
        {
            return false;
        }

        var sum = -digits[8];
        var allZero = digits[8] == 0;
        for (var i = 0; i < 8; i++)
        {
            sum += (9 - i) * digits[i];
            allZero &= digits[i] == 0;
        }

        return !allZero && sum % 11 == 0;
    }

    // ISO 13616 lengths; a country missing here is not recognised, which keeps random tokens out.
    private static readonly FrozenDictionary<string, int> IbanLengths = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16, ["BG"] = 22,
        ["BH"] = 22, ["BR"] = 29, ["CH"] = 21, ["CR"] = 22, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["DO"] = 28, ["EE"] = 20, ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22,
        ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28, ["IE"] = 22,
        ["IL"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30, ["KZ"] = 20, ["LB"] = 28, ["LI"] = 21,
        ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MA"] = 28, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19,
        ["MR"] = 27, ["MT"] = 31, ["MU"] = 30, ["NL"] = 18, ["NO"] = 15, ["PK"] = 24, ["PL"] = 28, ["PS"] = 29,
        ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["SA"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24,
        ["SM"] = 27, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29, ["VG"] = 24, ["XK"] = 20,
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static bool TryGetIbanLength(ReadOnlySpan<char> countryCode, out int length) =>
        IbanLengths.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(countryCode, out length);

    // Mod-97 over the rearranged IBAN (country code and check digits moved to the end), letters as 10..35.
    public static bool IsMod97Valid(ReadOnlySpan<char> compactIban)
    {
        if (compactIban.Length < 5)
        {
            return false;
        }

        var remainder = 0;
        for (var i = 0; i < compactIban.Length; i++)
        {
            var c = char.ToUpperInvariant(compactIban[(i + 4) % compactIban.Length]);
            if (c is >= '0' and <= '9')
            {
                remainder = ((remainder * 10) + (c - '0')) % 97;
            }
            else if (c is >= 'A' and <= 'Z')
            {
                remainder = ((remainder * 100) + (c - 'A' + 10)) % 97;
            }
            else
            {
                return false;
            }
        }

        return remainder == 1;
    }
}
