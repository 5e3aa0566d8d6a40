using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class RedactTests
{
    [Theory]
    [InlineData("Het gaat om Piet de Vries, BSN 123456782, er is sprake van verwaarlozing",
        "Het gaat om [NAAM], BSN [BSN], er is sprake van verwaarlozing")]
    [InlineData("bel 06-12345678 of mail piet@example.nl", "bel [TELEFOON] of mail [E-MAIL]")]
    [InlineData("geboren 12-03-2015, woont Hoofdstraat 12, 9711 AB Groningen",
        "geboren [GEBOORTEDATUM], woont [ADRES]")]
    [InlineData("IBAN NL91 ABNA 0417 1643 00 t.n.v. moeder", "IBAN [IBAN] t.n.v. moeder")]
    [InlineData("Evaluatie op 15 januari 2027 met de GI", "Evaluatie op 15 januari 2027 met de GI")]
    [InlineData("", "")]
    public void Redact_Text_ReplacesEachFindingByPlaceholder(string text, string expected) =>
        Assert.Equal(expected, PrivacyGuard.Redact(text));

    public static TheoryData<string, string[]> TextsWithValues => new()
    {
        { "Het gaat om Piet de Vries, BSN 123456782", ["Piet", "Vries", "123456782"] },
        { "moeder Anna Bakker, 06 1234 5678, anna.bakker@example.nl", ["Anna", "Bakker", "1234", "anna.bakker"] },
        { "Hoofdstraat 12a, 9711AB Groningen, IBAN NL91ABNA0417164300", ["Hoofdstraat", "9711AB", "0417164300"] },
        { "Kinderen: Daan (01-02-2017) en Lisa (12.03.2015)", ["Daan", "01-02-2017", "Lisa", "12.03.2015"] },
        { "a boy named Tom Smith, DOB March 3, 2015, phone +31 6 12345678", ["Tom", "Smith", "March 3", "12345678"] },
        { "bsn 1234.56.782 en 12-34-56-782", ["1234.56.782", "12-34-56-782"] },
    };

    [Theory]
    [MemberData(nameof(TextsWithValues))]
    public void Redact_TextWithPersonalData_ContainsNoOriginalValue(string text, string[] values)
    {
        var redacted = PrivacyGuard.Redact(text);

        foreach (var value in values)
        {
            Assert.DoesNotContain(value, redacted, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Redact_OverlappingFindings_MergesIntoOnePlaceholderAndLeaksNothing()
    {
        const string text = "naam Piet de Vries hier";
        PiiFinding[] findings = [new(PiiKind.PersonName, 5, 4), new(PiiKind.PersonName, 5, 13), new(PiiKind.Bsn, 10, 2)];

        Assert.Equal("naam [NAAM] hier", PrivacyGuard.Redact(text, findings));
    }

    [Fact]
    public void Redact_FindingsOutOfRangeOrUnsorted_ClipsAndDoesNotThrow()
    {
        const string text = "abc 123456782";
        PiiFinding[] findings = [new(PiiKind.Bsn, 4, 50), new(PiiKind.Email, -3, 2), new(PiiKind.Phone, 100, 3), new(PiiKind.Iban, 0, 3)];

        Assert.Equal("[IBAN] [BSN]", PrivacyGuard.Redact(text, findings));
    }

    [Fact]
    public void Redact_NoFindings_ReturnsTextUnchanged()
    {
        const string text = "Geen persoonsgegevens hier.";

        Assert.Same(text, PrivacyGuard.Redact(text, []));
    }

    [Theory]
    [InlineData(PiiKind.Bsn, "bsn", "[BSN]")]
    [InlineData(PiiKind.Phone, "phone", "[TELEFOON]")]
    [InlineData(PiiKind.Email, "email", "[E-MAIL]")]
    [InlineData(PiiKind.DateOfBirth, "date-of-birth", "[GEBOORTEDATUM]")]
    [InlineData(PiiKind.PostcodeAddress, "postcode-address", "[ADRES]")]
    [InlineData(PiiKind.Iban, "iban", "[IBAN]")]
    [InlineData(PiiKind.PersonName, "person-name", "[NAAM]")]
    public void Finding_EachKind_HasCodeAndPlaceholder(PiiKind kind, string code, string placeholder)
    {
        var finding = new PiiFinding(kind, 2, 3);

        Assert.Equal(code, finding.KindCode);
        Assert.Equal($"ab{placeholder}fg", PrivacyGuard.Redact("abcdefg", [finding]));
    }
}
