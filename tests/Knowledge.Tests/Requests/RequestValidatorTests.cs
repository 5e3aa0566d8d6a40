using ExpertBot.Knowledge.Requests;

namespace ExpertBot.Knowledge.Tests.Requests;

public sealed class RequestValidatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly RequestRules Rules = new() { Municipalities = ["Oldambt", "Pekela", "Groningen"], MaxSituation = 200 };

    private static Dictionary<string, string?> Valid() => new()
    {
        [RequestFields.Municipality] = "Oldambt",
        [RequestFields.Team] = "Team Oost",
        [RequestFields.Kind] = "aansluiten-en-ondersteunen",
        [RequestFields.CaseReference] = "WIJ-2026-0412",
        [RequestFields.Situation] = "Ouders werken niet mee aan het veiligheidsplan; de hulp stagneert al drie maanden.",
        [RequestFields.Safety] = "serious",
        [RequestFields.Tried] = "Netwerkberaad, twee huisbezoeken.",
        [RequestFields.DesiredContribution] = "Meedenken over het veiligheidsplan en een netwerkberaad voorzitten.",
        [RequestFields.DesiredTerm] = "binnen 4 weken",
        [RequestFields.EvaluationDate] = "2026-12-21",
        [RequestFields.ParentsInformed] = "yes",
        [RequestFields.Reason] = "stagnatie",
        [RequestFields.Contact] = "teams-chat",
    };

    [Fact]
    public void Validate_CompleteForm_ReturnsTypedForm()
    {
        var result = RequestValidator.Validate(Valid(), Rules, Today);

        Assert.True(result.IsValid, string.Join("; ", result.Errors.Select(e => e.Field + ":" + e.Code)));
        Assert.Equal(RequestKind.AansluitenEnOndersteunen, result.Form!.Kind);
        Assert.Equal(SafetyConcern.Serious, result.Form.Safety);
        Assert.Equal(new DateOnly(2026, 12, 21), result.Form.EvaluationDate);
        Assert.Equal(EngagementReason.Stagnatie, result.Form.Reason);
    }

    [Theory]
    [InlineData(RequestFields.Municipality, null, "required")]
    [InlineData(RequestFields.Municipality, "Atlantis", "unknown")]
    [InlineData(RequestFields.CaseReference, null, "required")]
    [InlineData(RequestFields.CaseReference, "Jan de Vries", "not-pseudonym")]
    [InlineData(RequestFields.CaseReference, "Pietje", "not-pseudonym")]
    [InlineData(RequestFields.CaseReference, "111222333", "bsn")]
    [InlineData(RequestFields.CaseReference, "1112.22.333", "bsn")]
    [InlineData(RequestFields.Situation, null, "required")]
    [InlineData(RequestFields.Situation, "   ", "required")]
    [InlineData(RequestFields.Situation, "Moeder belt steeds vanaf 06-12345678 en is boos.", "personal-data:phone")]
    [InlineData(RequestFields.Situation, "Het kind met BSN 111222333 is vaak afwezig.", "personal-data:bsn")]
    [InlineData(RequestFields.Tried, "Gemaild met ouder via jan@example.nl", "personal-data:email")]
    [InlineData(RequestFields.DesiredContribution, null, "required")]
    [InlineData(RequestFields.Safety, null, "required")]
    [InlineData(RequestFields.Safety, "heel erg", "invalid-choice")]
    [InlineData(RequestFields.Kind, "jeugdreclassering", "invalid-choice")]
    [InlineData(RequestFields.EvaluationDate, "2026-11-22", "past")]
    [InlineData(RequestFields.EvaluationDate, "22-11-2026", "format")]
    [InlineData(RequestFields.ParentsInformed, null, "required")]
    [InlineData(RequestFields.Reason, null, "required")]
    [InlineData(RequestFields.Reason, "geen zin", "invalid-choice")]
    public void Validate_BadField_ErrorOnThatFieldOnly(string field, string? value, string code)
    {
        var input = Valid();
        input[field] = value;

        var result = RequestValidator.Validate(input, Rules, Today);

        Assert.False(result.IsValid);
        var error = Assert.Single(result.Errors);
        Assert.Equal(field, error.Field);
        Assert.Equal(code, error.Code);
        Assert.False(string.IsNullOrWhiteSpace(error.Nl));
        Assert.False(string.IsNullOrWhiteSpace(error.En));
    }

    [Fact]
    public void Validate_SituationTooLong_SaysTheLimit()
    {
        var input = Valid();
        input[RequestFields.Situation] = new string('a', 201);

        var error = Assert.Single(RequestValidator.Validate(input, Rules, Today).Errors);

        Assert.Equal("too-long", error.Code);
        Assert.Contains("200", error.Nl, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BsnInSituation_ExplainsAndNeverEchoesTheNumber()
    {
        var input = Valid();
        input[RequestFields.Situation] = "BSN 111222333 van het kind";

        var error = Assert.Single(RequestValidator.Validate(input, Rules, Today).Errors);

        Assert.Contains("BSN", error.Nl, StringComparison.Ordinal);
        Assert.Contains("casusnummer", error.Nl, StringComparison.Ordinal);
        Assert.DoesNotContain("111222333", error.Nl + error.En, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_OptionalFieldsEmpty_DefaultsKindAndContact()
    {
        var input = Valid();
        foreach (var field in new[] { RequestFields.Team, RequestFields.Kind, RequestFields.Tried, RequestFields.DesiredTerm, RequestFields.EvaluationDate, RequestFields.Contact })
        {
            input[field] = "";
        }

        var result = RequestValidator.Validate(input, Rules, Today);

        Assert.True(result.IsValid);
        Assert.Equal(RequestKind.WeetIkNiet, result.Form!.Kind);
        Assert.Equal(ContactPreference.NoPreference, result.Form.Contact);
        Assert.Null(result.Form.EvaluationDate);
    }

    [Fact]
    public void Validate_EvaluationToday_IsAllowed()
    {
        var input = Valid();
        input[RequestFields.EvaluationDate] = "2026-11-23";
        Assert.True(RequestValidator.Validate(input, Rules, Today).IsValid);
    }

    [Fact]
    public void Validate_EmptyForm_ErrorPerRequiredField()
    {
        var result = RequestValidator.Validate(new Dictionary<string, string?>(), Rules, Today);

        Assert.Equal(
            new[] { RequestFields.Municipality, RequestFields.CaseReference, RequestFields.Situation, RequestFields.Safety, RequestFields.DesiredContribution, RequestFields.ParentsInformed, RequestFields.Reason }.Order(),
            result.Errors.Select(e => e.Field).Order());
    }

    [Theory]
    [InlineData("Graag advies", null)]
    [InlineData("", "required")]
    [InlineData("Bel me op 0612345678", "personal-data:phone")]
    public void CheckMessage_Text_ChecksRequiredAndPrivacy(string text, string? code) =>
        Assert.Equal(code, RequestValidator.CheckMessage("message", text, 100)?.Code);
}
