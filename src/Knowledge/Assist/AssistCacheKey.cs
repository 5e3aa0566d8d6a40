using System.Globalization;
using System.Text;
using ExpertBot.Knowledge.Answers;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Assist;

/// <summary>
/// The cache key of a model's work on a question: the redacted question normalized (case, white space), the answer
/// language, the day (answers depend on it: availability, "morgen") and the knowledge version. Built from the
/// redacted text only, so no personal data is held in the key.
/// </summary>
public static class AssistCacheKey
{
    public static string For(Reading reading, DateOnly today, string knowledgeVersion)
    {
        ArgumentNullException.ThrowIfNull(reading);
        ArgumentNullException.ThrowIfNull(knowledgeVersion);
        return string.Create(CultureInfo.InvariantCulture, $"{knowledgeVersion}|{today:yyyy-MM-dd}|{(reading.Language == Lang.En ? "en" : "nl")}|{Normalize(reading.RedactedText)}");
    }

    /// <summary>Lower case, runs of white space as one space, trimmed.</summary>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                normalized.Append(' ');
                space = false;
            }

            normalized.Append(char.ToLowerInvariant(c));
        }

        return normalized.ToString();
    }
}
