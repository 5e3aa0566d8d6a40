using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class PhoneTests
{
    [Theory]
    [InlineData("bel 06-12345678 morgen", "Phone=06-12345678")]
    [InlineData("mobiel: 06 1234 5678.", "Phone=06 1234 5678")]
    [InlineData("nummer 0612345678", "Phone=0612345678")]
    [InlineData("via +31 6 12345678 bereikbaar", "Phone=+31 6 12345678")]
    [InlineData("via +31612345678", "Phone=+31612345678")]
    [InlineData("tel 0031612345678", "Phone=0031612345678")]
    [InlineData("vast 050-1234567", "Phone=050-1234567")]
    [InlineData("vast 020 123 4567", "Phone=020 123 4567")]
    [InlineData("vast +31 50 123 4567", "Phone=+31 50 123 4567")]
    [InlineData("vast (050) 123 4567", "Phone=(050) 123 4567")]
    [InlineData("mobiel +31 (0)6 12345678", "Phone=+31 (0)6 12345678")]
    [InlineData("phone 0592-123456 or 06-87654321", "Phone=0592-123456", "Phone=06-87654321")]
    public void Scan_DutchPhoneNumber_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("Veilig Thuis is bereikbaar op 0800-2000")]
    [InlineData("gratis 0800-1234567")]
    [InlineData("betaald 0900-1234567")]
    [InlineData("kantoor 088-1234567")]
    [InlineData("infolijn 0800-123456")]
    [InlineData("infolijn 0900-123456")]
    [InlineData("bij nood 112 bellen")]
    [InlineData("te kort 06-1234567")]
    [InlineData("te lang 06-123456789")]
    [InlineData("onderdeel van 10612345678")]
    public void Scan_ServiceOrMalformedNumber_ReportsNothing(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));
}
