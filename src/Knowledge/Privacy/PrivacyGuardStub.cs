namespace ExpertBot.Knowledge.Privacy;

// Temporary stand-in until the privacy guard branch lands.
public enum PiiKind { Bsn, Phone, Email, DateOfBirth, PostcodeAddress, Iban, PersonName }

public sealed record PiiFinding(PiiKind Kind, int Start, int Length)
{
    public string KindCode => Kind switch
    {
        PiiKind.Bsn => "bsn",
        PiiKind.Phone => "phone",
        PiiKind.Email => "email",
        PiiKind.DateOfBirth => "date-of-birth",
        PiiKind.PostcodeAddress => "postcode-address",
        PiiKind.Iban => "iban",
        _ => "person-name",
    };
}

public static class PrivacyGuard
{
    public static IReadOnlyList<PiiFinding> Scan(string text) => [];

    public static string Redact(string text, IReadOnlyList<PiiFinding> findings) => text;
}
