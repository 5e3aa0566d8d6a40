using ExpertBot.Knowledge.Privacy;

namespace ExpertBot.Knowledge.Tests.Privacy;

public sealed class PersonNameTests
{
    [Theory]
    [InlineData("Het gaat om Piet de Vries, BSN 123456782, er is sprake van verwaarlozing",
        "PersonName=Piet de Vries", "Bsn=123456782")]
    [InlineData("De moeder genaamd Anna Bakker belde", "PersonName=Anna Bakker")]
    [InlineData("Gesprek met mevrouw de Vries over school", "PersonName=de Vries")]
    [InlineData("Gesprek met dhr. P. Jansen over de OTS", "PersonName=P. Jansen")]
    [InlineData("moeder Fatima el Amrani is gescheiden", "PersonName=Fatima el Amrani")]
    [InlineData("Zoon Daan zit op school", "PersonName=Daan")]
    [InlineData("Naam: Sanne van den Berg", "PersonName=Sanne van den Berg")]
    [InlineData("De naam is Jansen-Bakker.", "PersonName=Jansen-Bakker")]
    [InlineData("Moeder Anna en vader Mehmet Yilmaz", "PersonName=Anna", "PersonName=Mehmet Yilmaz")]
    [InlineData("dochter van Anna Jansen", "PersonName=Anna Jansen")]
    [InlineData("cliënt Noor de Boer uit Groningen", "PersonName=Noor de Boer")]
    [InlineData("het kind Lisa heeft een OTS bij de GI", "PersonName=Lisa")]
    [InlineData("Het gaat over Daan", "PersonName=Daan")]
    [InlineData("Het kind, Daan, is 8 jaar.", "PersonName=Daan")]
    [InlineData("Naam moeder: Fatma Kaya", "PersonName=Fatma Kaya")]
    [InlineData("Rekening op naam van J. de Boer.", "PersonName=J. de Boer")]
    [InlineData("De heer De Boer, Dorpsstraat 4", "PersonName=De Boer", "PostcodeAddress=Dorpsstraat 4")]
    [InlineData("Geachte heer Jansen,", "PersonName=Jansen")]
    [InlineData("Beste Anna,\nIk bel je morgen.", "PersonName=Anna")]
    [InlineData("Met vriendelijke groet,\nPetra de Wit", "PersonName=Petra de Wit")]
    public void Scan_DutchNameAfterCue_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("Bel met Jan Jansen via 06-12345678", "PersonName=Jan Jansen", "Phone=06-12345678")]
    [InlineData("Adres van Anna Bakker, Hoofdstraat 12", "PersonName=Anna Bakker", "PostcodeAddress=Hoofdstraat 12")]
    [InlineData("BSN 123456782 (Piet de Vries)", "Bsn=123456782", "PersonName=Piet de Vries")]
    [InlineData("Piet de Vries, geb. 12-03-2015", "PersonName=Piet de Vries", "DateOfBirth=12-03-2015")]
    [InlineData("contact met Noor, tel. 06-12345678", "PersonName=Noor", "Phone=06-12345678")]
    public void Scan_NameNextToOtherFinding_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("a boy named Tom Smith", "PersonName=Tom Smith")]
    [InlineData("I spoke with Mrs. Johnson today", "PersonName=Johnson")]
    [InlineData("Mr Brown called", "PersonName=Brown")]
    [InlineData("the mother is called Maria Lopez", "PersonName=Maria Lopez")]
    [InlineData("John Smith, DOB 2015-03-12", "PersonName=John Smith", "DateOfBirth=2015-03-12")]
    [InlineData("Dear Sarah Connor,", "PersonName=Sarah Connor")]
    [InlineData("Kind regards,\nJohn", "PersonName=John")]
    public void Scan_EnglishName_ReportsExactSpan(string text, params string[] expected) =>
        Expected.Scan(text, expected);

    [Theory]
    [InlineData("Gesprek met Veilig Thuis over de melding")]
    [InlineData("De GI Noord heeft contact gehad met de Raad voor de Kinderbescherming")]
    [InlineData("Groningen heeft een nieuw beleid")]
    [InlineData("Piet komt morgen langs")]
    [InlineData("Morgen bellen we de school")]
    [InlineData("Het kind woont in Groningen")]
    [InlineData("Het gaat om Veilig Thuis")]
    [InlineData("Jeugdbescherming Noord, 050-1234567")]
    [InlineData("Gemeente Assen, 050-1234567")]
    [InlineData("bel Gemeente Haren, 050-1234567")]
    [InlineData("Wijkteam Vinkhuizen 06-12345678")]
    [InlineData("Hoofdstraat 12, Assen")]
    [InlineData("Ik sprak Piet. 06-12345678 is het nummer van de school")]
    [InlineData("Hallo team, morgen overleg")]
    [InlineData("Gisteren sprak ik Piet en toen belde ik 06-12345678")]
    [InlineData("Dear colleagues, see you Monday")]
    [InlineData("The Child Protection Board decided on Monday")]
    public void Scan_NoNameCue_ReportsNoName(string text) =>
        Assert.DoesNotContain(PrivacyGuard.Scan(text), f => f.Kind == PiiKind.PersonName);
}
