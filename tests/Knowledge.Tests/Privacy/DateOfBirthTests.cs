using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class DateOfBirthTests
{
    [Theory]
    [InlineData("geboren 12-03-2015 in Assen", "DateOfBirth=12-03-2015")]
    [InlineData("geb. 3 maart 2015", "DateOfBirth=3 maart 2015")]
    [InlineData("Geboortedatum: 12/03/2015", "DateOfBirth=12/03/2015")]
    [InlineData("zij is geboren op 12 jan. 2016.", "DateOfBirth=12 jan. 2016")]
    [InlineData("geboortedag 3-3-15", "DateOfBirth=3-3-15")]
    [InlineData("geb.12.03.2015", "DateOfBirth=12.03.2015")]
    [InlineData("kind * 12-03-2015", "DateOfBirth=12-03-2015")]
    [InlineData("Piet de Vries (12-03-2015) woont bij oma", "PersonName=Piet de Vries", "DateOfBirth=12-03-2015")]
    [InlineData("Kinderen: Piet, 12-03-2015 en Klaas, 01-02-2017",
        "PersonName=Piet", "DateOfBirth=12-03-2015", "PersonName=Klaas", "DateOfBirth=01-02-2017")]
    [InlineData("Het gaat om Sanne Bakker, geboren op 3 maart 2015.", "PersonName=Sanne Bakker", "DateOfBirth=3 maart 2015")]
    public void Scan_DutchBirthDate_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("DOB: 2015-03-12", "DateOfBirth=2015-03-12")]
    [InlineData("born on March 3, 2015", "DateOfBirth=March 3, 2015")]
    [InlineData("date of birth 12/31/2015", "DateOfBirth=12/31/2015")]
    [InlineData("d.o.b. 3rd of March 2015", "DateOfBirth=3rd of March 2015")]
    [InlineData("Her birthday: 3 March", "DateOfBirth=3 March")]
    public void Scan_EnglishBirthDate_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("Evaluatie op 15 januari 2027.")]
    [InlineData("we spreken af op 3 maart")]
    [InlineData("casus 2024-17 is gesloten")]
    [InlineData("De zitting is op 12-03-2027 in Groningen")]
    [InlineData("Groningen, 15 januari 2027")]
    [InlineData("Assen, 15-01-2027")]
    [InlineData("Ondertekend te Haren, 15-01-2027")]
    [InlineData("Hij is geboren in 2015 en de evaluatie is op 15 januari 2027")]
    [InlineData("geboren in Assen. Evaluatie 15-01-2027")]
    [InlineData("* evaluatie 15-01-2027")]
    [InlineData("Meeting on March 3, 2015")]
    [InlineData("geboren 31-13-2015")]
    public void Scan_OrdinaryDate_ReportsNothing(string text) =>
        Assert.Empty(PrivacyGuard.Scan(text));
}
