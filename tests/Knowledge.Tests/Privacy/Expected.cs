using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

// Test tables name findings as "Kind=value"; the value is located in the text in order, giving the exact span.
internal static class Expected
{
    public static List<PiiFinding> Findings(string text, IEnumerable<string> expected)
    {
        var findings = new List<PiiFinding>();
        var searchFrom = 0;
        foreach (var entry in expected)
        {
            var separator = entry.IndexOf('=', StringComparison.Ordinal);
            var kind = Enum.Parse<PiiKind>(entry[..separator]);
            var value = entry[(separator + 1)..];
            var start = text.IndexOf(value, searchFrom, StringComparison.Ordinal);
            Assert.True(start >= 0, $"Test data error: '{value}' not in '{text}'.");
            findings.Add(new PiiFinding(kind, start, value.Length));
            searchFrom = start + 1;
        }

        return findings;
    }

    public static void Scan(string text, string[] expected) =>
        Assert.Equal(Findings(text, expected), PrivacyGuard.Scan(text));

    public static void WellFormed(string text, IReadOnlyList<PiiFinding> findings)
    {
        var previousEnd = 0;
        foreach (var finding in findings)
        {
            Assert.True(finding.Start >= previousEnd, $"Overlapping or unsorted finding {finding}.");
            Assert.True(finding.Length > 0 && finding.Start + finding.Length <= text.Length, $"Out of range {finding}.");
            previousEnd = finding.Start + finding.Length;
        }
    }
}
