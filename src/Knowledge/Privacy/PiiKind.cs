namespace ExpertBot.Knowledge.Privacy;

public enum PiiKind
{
    Bsn,
    Phone,
    Email,
    DateOfBirth,
    PostcodeAddress,
    Iban,
    PersonName,
}
