using System.Diagnostics;
using System.Text;
using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class RobustnessTests
{
    private const int LongLength = 100_000;

    // Generous ceiling for a shared 2-core machine; a backtracking blow-up takes minutes, not seconds.
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(5);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Scan_RandomLongText_IsFastWellFormedAndRedactable(int seed)
    {
        var text = RandomText(new Random(seed), LongLength);

        var watch = Stopwatch.StartNew();
        var findings = PrivacyGuard.Scan(text);
        var redacted = PrivacyGuard.Redact(text, findings);
        watch.Stop();

        Expected.WellFormed(text, findings);
        Assert.True(watch.Elapsed < Ceiling, $"Scan took {watch.Elapsed}.");
        Assert.NotNull(redacted);
    }

    public static TheoryData<string> AdversarialUnits => new()
    {
        "1", "1 ", "1-", "0", "06 ", "+31", "a", "a.", "a@", "@a.", "Aa ", "Aa van ", "van ", "A. ", "NL91", "NL91 ",
        "AB12", "1234 AB ", "Hoofdstraat ", "Hoofdstraat 1", "12-", "12 maart ", "geboren ", "* ", "moeder ",
        "Piet de Vries, BSN 123456782. ", "\n", "é", "\u00A0", "Ü",
    };

    [Theory]
    [MemberData(nameof(AdversarialUnits))]
    public void Scan_LongRepetition_IsFastAndWellFormed(string unit)
    {
        var builder = new StringBuilder(LongLength + unit.Length);
        while (builder.Length < LongLength)
        {
            builder.Append(unit);
        }

        var text = builder.ToString();

        var watch = Stopwatch.StartNew();
        var findings = PrivacyGuard.Scan(text);
        watch.Stop();

        Expected.WellFormed(text, findings);
        Assert.True(watch.Elapsed < Ceiling, $"Scan of '{unit}' x {LongLength / unit.Length} took {watch.Elapsed}.");
    }

    [Fact]
    public void Scan_RepeatedCaseNote_FindsEveryValue()
    {
        const string note = "Het gaat om Piet de Vries, BSN 123456782. ";
        var text = string.Concat(Enumerable.Repeat(note, 500));

        var findings = PrivacyGuard.Scan(text);

        Assert.Equal(500, findings.Count(f => f.Kind == PiiKind.Bsn));
        Assert.Equal(500, findings.Count(f => f.Kind == PiiKind.PersonName));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\n\n")]
    [InlineData("Geen persoonsgegevens.")]
    public void Scan_TextWithoutData_ReturnsEmpty(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));

    [Fact]
    public void Scan_Null_ReturnsEmptyAndRedactReturnsEmpty()
    {
        Assert.Empty(PrivacyGuard.Scan(null!));
        Assert.Equal(string.Empty, PrivacyGuard.Redact(null!));
    }

    // Text built from fragments of real values and noise, so detectors get near-misses as well as hits.
    private static string RandomText(Random random, int length)
    {
        string[] fragments =
        [
            "123456782", "06-12345678", "+31 6 ", "NL91 ABNA ", "0417 1643 00", "piet@", "example.nl", "9711 AB",
            "Hoofdstraat ", "geboren ", "12-03-2015", "3 maart 2015", "moeder ", "Piet ", "de ", "Vries", "BSN ",
            ", ", ". ", "\n", "(", ")", "*", "-", " ", "van der ", "Groningen", "Veilig Thuis", "0800-2000",
        ];
        const string noise = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 .,-@+()/:*'ëé\n\t";
        var builder = new StringBuilder(length + 32);
        while (builder.Length < length)
        {
            if (random.Next(3) == 0)
            {
                builder.Append(fragments[random.Next(fragments.Length)]);
            }
            else
            {
                builder.Append(noise[random.Next(noise.Length)]);
            }
        }

        return builder.ToString(0, length);
    }
}
