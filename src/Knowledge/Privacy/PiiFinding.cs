namespace ExpertBot.Knowledge.Privacy;

/// <summary>A span of <c>text</c> that holds personal data: <c>text.Substring(Start, Length)</c>.</summary>
public sealed record PiiFinding(PiiKind Kind, int Start, int Length)
{
    /// <summary>Stable, lower-case code for logs and telemetry; never the value itself.</summary>
    public string KindCode => Kind switch
    {
        PiiKind.Bsn => "bsn",
        PiiKind.Phone => "phone",
        PiiKind.Email => "email",
        PiiKind.DateOfBirth => "date-of-birth",
        PiiKind.PostcodeAddress => "postcode-address",
        PiiKind.Iban => "iban",
        PiiKind.PersonName => "person-name",
        _ => "unknown",
    };

    internal int End => Start + Length;
}
