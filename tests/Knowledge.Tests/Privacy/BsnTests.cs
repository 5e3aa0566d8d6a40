using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class BsnTests
{
    [Theory]
    [InlineData("BSN 123456782 is bekend", "Bsn=123456782")]
    [InlineData("bsn: 1234.56.782", "Bsn=1234.56.782")]
    [InlineData("123 456 782 is het nummer", "Bsn=123 456 782")]
    [InlineData("nummer 12-34-56-782.", "Bsn=12-34-56-782")]
    [InlineData("burgerservicenummer 111222333", "Bsn=111222333")]
    [InlineData("BSN:999999990", "Bsn=999999990")]
    [InlineData("sofinummer (232262536)", "Bsn=232262536")]
    [InlineData("twee kinderen: 123456782 en 111222333", "Bsn=123456782", "Bsn=111222333")]
    public void Scan_ValidBsnInAnySeparatorStyle_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("BSN 123456789 klopt niet")]
    [InlineData("nummer 111222334")]
    [InlineData("000000000")]
    [InlineData("dossier 1234567820")]
    [InlineData("dossier 9123456782")]
    [InlineData("kenmerk 123456782123")]
    [InlineData("123.456-782")]
    [InlineData("12345678")]
    public void Scan_NumberThatIsNoBsn_ReportsNothing(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));

    [Theory]
    [InlineData("123456782", true)]
    [InlineData("111222333", true)]
    [InlineData("999999990", true)]
    [InlineData("232262536", true)]
    [InlineData("123.456.782", true)]
    [InlineData("123456789", false)]
    [InlineData("111222334", false)]
    [InlineData("000000000", false)]
    [InlineData("12345678", false)]
    [InlineData("1234567820", false)]
    [InlineData("12345678a", false)]
    [InlineData("", false)]
    public void IsValidBsn_Digits_MatchesElfproef(string digits, bool expected) =>
        Assert.Equal(expected, PrivacyGuard.IsValidBsn(digits));

    [Fact]
    public void IsValidBsn_Null_ReturnsFalse() =>
        Assert.False(PrivacyGuard.IsValidBsn(null!));

    // Independent reference: every 9-digit number built to pass the elfproef is accepted, and changing
    // one digit makes it fail.
    [Theory]
    [InlineData(12345678)]
    [InlineData(87654321)]
    [InlineData(31415926)]
    [InlineData(10000001)]
    public void IsValidBsn_ComputedCheckDigit_AcceptedAndSingleDigitChangeRejected(int firstEight)
    {
        var prefix = firstEight.ToString("D8", System.Globalization.CultureInfo.InvariantCulture);
        var weighted = prefix.Select((c, i) => (9 - i) * (c - '0')).Sum();
        var check = weighted % 11;
        Assert.True(check < 10, "Test data error: no check digit exists for this prefix.");
        var bsn = prefix + check.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var altered = (prefix[0] == '9' ? '1' : (char)(prefix[0] + 1)) + bsn[1..];

        Assert.True(PrivacyGuard.IsValidBsn(bsn));
        Assert.False(PrivacyGuard.IsValidBsn(altered));
        Assert.Equal([new PiiFinding(PiiKind.Bsn, 4, 9)], PrivacyGuard.Scan($"BSN {bsn}"));
    }
}
