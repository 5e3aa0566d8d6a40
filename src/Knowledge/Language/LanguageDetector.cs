using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Language;

/// <summary>Dutch or English, from common function words; Dutch when in doubt.</summary>
public static class LanguageDetector
{
    private static readonly HashSet<string> English = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "is", "are", "who", "whom", "what", "which", "can", "could", "should", "i", "my", "we", "our",
        "with", "for", "of", "to", "and", "there", "this", "that", "please", "how", "do", "does", "about", "need", "want",
        "has", "have", "been", "parents", "child", "family",
    };

    private static readonly HashSet<string> Dutch = new(StringComparer.Ordinal)
    {
        "de", "het", "een", "is", "wie", "wat", "welke", "kan", "kun", "ik", "mijn", "we", "wij", "ons", "met", "voor",
        "van", "naar", "en", "er", "dit", "dat", "hoe", "moet", "heb", "heeft", "zijn", "ouders", "kind", "gezin", "niet",
        "geen", "over", "bij", "aan", "op", "graag", "wil",
    };

    public static Lang Detect(string text) => DetectClearly(text) ?? Lang.Nl;

    /// <summary>The language when the words say so; null when they don't (no function words, or as many of each).</summary>
    public static Lang? DetectClearly(string text)
    {
        var words = text.ToLowerInvariant().Split([' ', ',', '.', '?', '!', ';', ':', '\n', '\t', '(', ')', '"'], StringSplitOptions.RemoveEmptyEntries);
        int en = 0, nl = 0;
        foreach (var word in words)
        {
            if (English.Contains(word))
            {
                en++;
            }

            if (Dutch.Contains(word))
            {
                nl++;
            }
        }

        return en > nl ? Lang.En : nl > en ? Lang.Nl : null;
    }
}
