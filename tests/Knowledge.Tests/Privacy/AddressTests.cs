using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class AddressTests
{
    [Theory]
    [InlineData("adres Hoofdstraat 12, 9711 AB Groningen.", "PostcodeAddress=Hoofdstraat 12, 9711 AB Groningen")]
    [InlineData("woont op Hoofdstraat 12a sinds mei", "PostcodeAddress=Hoofdstraat 12a")]
    [InlineData("woont aan de Vondelkade 3-2", "PostcodeAddress=Vondelkade 3-2")]
    [InlineData("afspraak Grote Markt 1", "PostcodeAddress=Grote Markt 1")]
    [InlineData("naar de Van Swietenlaan 5", "PostcodeAddress=Swietenlaan 5")]
    [InlineData("adres: 9711 AB 12", "PostcodeAddress=9711 AB 12")]
    [InlineData("postcode 9711AB", "PostcodeAddress=9711AB")]
    [InlineData("verhuisd naar 1012 AB Amsterdam", "PostcodeAddress=1012 AB Amsterdam")]
    [InlineData("Stationsweg 7 en Kerkpad 2", "PostcodeAddress=Stationsweg 7", "PostcodeAddress=Kerkpad 2")]
    [InlineData("woont op Markt 5", "PostcodeAddress=Markt 5")]
    [InlineData("Hij woont in Den Haag, 2511 AB.", "PostcodeAddress=2511 AB")]
    [InlineData("verhuisd naar 9712 JB Groningen", "PostcodeAddress=9712 JB Groningen")]
    [InlineData("postcode 9712 GI 4, Noord", "PostcodeAddress=9712 GI 4")]
    public void Scan_DutchAddress_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("er zijn 1234 meldingen")]
    [InlineData("in 2015 en 2016")]
    [InlineData("postcode 9711 SS")]
    [InlineData("1234 SA of 1234 SD")]
    [InlineData("code 0123 AB")]
    [InlineData("Jan van Dijk 12 jaar oud")]
    [InlineData("hij is onderweg 12 minuten")]
    [InlineData("de Hoofdstraat is afgesloten")]
    [InlineData("Sinds 2024 JB Noord betrokken")]
    [InlineData("in 2023 GI en 2024 JR")]
    public void Scan_NoAddress_ReportsNothing(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));
}
