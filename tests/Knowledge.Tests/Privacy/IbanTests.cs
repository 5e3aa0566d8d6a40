using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class IbanTests
{
    [Theory]
    [InlineData("IBAN NL91ABNA0417164300 graag", "Iban=NL91ABNA0417164300")]
    [InlineData("rekening NL91 ABNA 0417 1643 00.", "Iban=NL91 ABNA 0417 1643 00")]
    [InlineData("nl91abna0417164300", "Iban=nl91abna0417164300")]
    [InlineData("rekening NL20INGB0001234567 OP naam", "Iban=NL20INGB0001234567")]
    [InlineData("Belgisch: BE68 5390 0754 7034", "Iban=BE68 5390 0754 7034")]
    [InlineData("Duits DE89370400440532013000", "Iban=DE89370400440532013000")]
    [InlineData("Duits DE89 3704 0044 0532 0130 00 (bevat een vast nummer)", "Iban=DE89 3704 0044 0532 0130 00")]
    [InlineData("UK GB29 NWBK 6016 1331 9268 19", "Iban=GB29 NWBK 6016 1331 9268 19")]
    public void Scan_ValidIban_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("IBAN NL91ABNA0417164301")]
    [InlineData("rekening NL91 ABNA 0417 1643 01")]
    [InlineData("NL92ABNA0417164300")]
    [InlineData("XX91ABNA0417164300")]
    [InlineData("NL91ABNA0417164300X")]
    [InlineData("BE68 5390 0754 7035")]
    public void Scan_WrongChecksumOrShape_ReportsNothing(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));
}
