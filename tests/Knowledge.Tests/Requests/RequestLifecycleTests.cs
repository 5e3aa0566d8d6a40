using ExpertBot.Knowledge.Requests;
using static ExpertBot.Knowledge.Requests.RequestStatus;
using static ExpertBot.Knowledge.Requests.RequestTransition;

namespace ExpertBot.Knowledge.Tests.Requests;

public sealed class RequestLifecycleTests
{
    public static TheoryData<RequestStatus, RequestTransition, RequestRole, RequestStatus?> Table => new()
    {
        // from, transition, who, to (null = rejected)
        { Nieuw, PickUp, RequestRole.Gi, Opgepakt },
        { Nieuw, Respond, RequestRole.Gi, null },
        { Nieuw, Finish, RequestRole.Gi, null },
        { Nieuw, ReturnToTeam, RequestRole.Gi, Teruggegeven },
        { Nieuw, Withdraw, RequestRole.Casemanager, Ingetrokken },
        { Nieuw, AddInformation, RequestRole.Casemanager, Nieuw },
        { Nieuw, PickUp, RequestRole.Casemanager, null },
        { Nieuw, Withdraw, RequestRole.Gi, null },
        { Opgepakt, PickUp, RequestRole.Gi, null },
        { Opgepakt, Respond, RequestRole.Gi, InBehandeling },
        { Opgepakt, Finish, RequestRole.Gi, Afgerond },
        { Opgepakt, ReturnToTeam, RequestRole.Gi, Teruggegeven },
        { Opgepakt, AddInformation, RequestRole.Casemanager, Opgepakt },
        { InBehandeling, Respond, RequestRole.Gi, InBehandeling },
        { InBehandeling, Finish, RequestRole.Gi, Afgerond },
        { InBehandeling, Withdraw, RequestRole.Casemanager, Ingetrokken },
        { Afgerond, Respond, RequestRole.Gi, null },
        { Afgerond, Withdraw, RequestRole.Casemanager, null },
        { Afgerond, AddInformation, RequestRole.Casemanager, null },
        { Teruggegeven, PickUp, RequestRole.Gi, null },
        { Ingetrokken, PickUp, RequestRole.Gi, null },
        { Ingetrokken, Finish, RequestRole.Gi, null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Apply_Table_AllowsOrRejectsWithReason(RequestStatus from, RequestTransition transition, RequestRole role, RequestStatus? to)
    {
        var result = RequestLifecycle.Apply(from, transition, role);

        Assert.Equal(to is not null, result.Allowed);
        Assert.Equal(to ?? from, result.Status);
        if (to is null)
        {
            Assert.False(string.IsNullOrWhiteSpace(result.Reason(english: false)));
            Assert.False(string.IsNullOrWhiteSpace(result.Reason(english: true)));
        }
    }

    [Fact]
    public void StatusCodes_RoundTrip()
    {
        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            Assert.Equal(status, RequestLifecycle.ParseStatus(status.Code()));
        }
    }

    [Theory]
    [InlineData("informatie-en-advies", RequestKind.InformatieEnAdvies)]
    [InlineData("nazorg", RequestKind.Nazorg)]
    [InlineData("acuut", null)]
    [InlineData(null, null)]
    public void KindFromRoute_RouteId_MapsTheFourServices(string? routeId, RequestKind? kind) =>
        Assert.Equal(kind, RequestCodes.KindFromRoute(routeId));
}
