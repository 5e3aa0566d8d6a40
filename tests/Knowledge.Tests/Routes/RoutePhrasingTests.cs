using ExpertBot.Knowledge.Language;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Tests.Routes;

/// <summary>
/// Phrasings a casemanager might type, per route, against the shipped knowledge. Varied vocabulary, word order,
/// negations and English: they probe general understanding, not one sentence per route.
/// </summary>
public sealed class RoutePhrasingTests
{
    public static TheoryData<string, string> Phrasings => new()
    {
        // informatie-en-advies: a question or a sounding board; the local team keeps the lead.
        { "Ik heb een korte vraag over een gezin waar ik me zorgen over maak, ik wil even sparren met de GI.", "informatie-en-advies" },
        { "Kan iemand van de GI meedenken over een casus? De regie blijft bij mij.", "informatie-en-advies" },
        { "Even sparren over een casus met een jeugdbeschermer, welke route is dat?", "informatie-en-advies" },
        { "Er is geen maatregel, ik wil alleen even sparren over een casus.", "informatie-en-advies" },
        { "Ouders werken wel mee, maar ik wil even sparren over de veiligheid.", "informatie-en-advies" },
        { "Ik vermoed geen kindermishandeling, maar ik wil sparren over de opvoeding.", "informatie-en-advies" },
        { "Zonder maatregel: kan de GI meedenken? Ik houd de regie.", "informatie-en-advies" },
        { "Quick question: I just want a sounding board from the GI, I keep the lead.", "informatie-en-advies" },
        { "Can someone from the GI think along with me? No measure, I keep the lead.", "informatie-en-advies" },
        { "Mag ik de GI even bellen om mee te denken over een casus? De regie blijft bij mij.", "informatie-en-advies" },
        { "Ik wil graag consultatie bij Jeugdbescherming Noord, alleen advies, geen overdracht.", "informatie-en-advies" },
        { "Hebben jullie een telefonisch spreekuur van de GI voor een vraag?", "informatie-en-advies" },

        // aansluiten-en-ondersteunen: hands-on help (safety plan, network meeting, home visit); local team keeps the lead.
        { "Ik wil samen met de GI een veiligheidsplan opstellen, de regie blijft bij ons.", "aansluiten-en-ondersteunen" },
        { "Kan de GI aansluiten bij het gesprek met de ouders?", "aansluiten-en-ondersteunen" },
        { "De hulp zit vast, kan iemand van JB Noord samen met ons een framework maken?", "aansluiten-en-ondersteunen" },
        { "Welke route past als ik de GI wil vragen om een netwerkberaad te organiseren? Wij houden de regie.", "aansluiten-en-ondersteunen" },
        { "Ouders werken wel mee, maar ik wil dat de GI aansluit bij een netwerkberaad.", "aansluiten-en-ondersteunen" },
        { "Could the GI join a home visit? We stay in charge.", "aansluiten-en-ondersteunen" },

        // specialistisch-casemanagement: the GI takes over the lead for a while.
        { "Kan de GI de regie tijdelijk overnemen? Het is een zeer complexe casus.", "specialistisch-casemanagement" },
        { "De veiligheid is ernstig bedreigd en wij zijn handelingsverlegen, kan de GI het overnemen?", "specialistisch-casemanagement" },
        { "Ik wil de casusregie overdragen aan de GI, de ontwikkeling van het kind is in het geding.", "specialistisch-casemanagement" },
        { "Dit overstijgt onze expertise, het is een multiprobleemgezin. Kan de GI de regie overnemen?", "specialistisch-casemanagement" },
        { "Er is geen acuut gevaar, maar de situatie is zeer complex en ik wil dat de GI de regie tijdelijk overneemt.", "specialistisch-casemanagement" },
        { "We are out of our depth in a very complex case; can the GI take over case management?", "specialistisch-casemanagement" },
        { "We want to hand over case management to the GI, the child's development is at risk.", "specialistisch-casemanagement" },

        // nazorg: a measure has ended (or is ending) and the family returns to the local team.
        { "De OTS is afgelopen, het gezin komt terug naar ons team. Wat kan de GI nog doen?", "nazorg" },
        { "De maatregel is beëindigd en we willen afschalen, welke route past?", "nazorg" },
        { "De voogdij is gestopt, welke nazorg kan de GI bieden?", "nazorg" },
        { "Na afloop van de maatregel: hoe gaat het verder met de ondersteuning?", "nazorg" },
        { "Er loopt geen maatregel meer, de OTS is opgeheven. Kan de GI nog ondersteunen?", "nazorg" },
        { "Het gezin gaat terug naar het wijkteam na de voogdij. Welke route?", "nazorg" },
        { "The supervision order ended last week. Which route fits for aftercare?", "nazorg" },

        // samenwerking-tijdens-maatregel: a measure is running; the local team works with the child protection worker.
        { "Er loopt een OTS en ik wil afstemmen met de gezinsvoogd, hoe werk ik samen?", "samenwerking-tijdens-maatregel" },
        { "Het kind staat onder toezicht, wij zijn het niet eens met de jeugdbeschermer. Wat nu?", "samenwerking-tijdens-maatregel" },
        { "Er is voogdij en ik wil samen optrekken met de voogd volgens 1 gezin 1 plan.", "samenwerking-tijdens-maatregel" },
        { "Geen direct gevaar. Er loopt wel een OTS en ik wil afstemmen met de jeugdbeschermer.", "samenwerking-tijdens-maatregel" },
        { "Het kind is uit huis geplaatst en de OTS loopt, hoe stemmen we af?", "samenwerking-tijdens-maatregel" },
        { "A supervision order is running; how do I work together with the family guardian?", "samenwerking-tijdens-maatregel" },
        { "Het kind heeft een voogd; wie doet wat tussen ons team en de GI?", "samenwerking-tijdens-maatregel" },
        { "Tijdens de ondertoezichtstelling: wie is regisseur, wij of de jeugdbeschermer?", "samenwerking-tijdens-maatregel" },

        // raadsonderzoek: voluntary help is not enough; a measure seems needed.
        { "Ouders werken niet mee en de zorgen over de veiligheid blijven, wat moet ik doen?", "raadsonderzoek" },
        { "Moeten we naar de beschermingstafel? Ouders houden de deur dicht.", "raadsonderzoek" },
        { "Ik wil een verzoek tot onderzoek doen bij de raad, de hulp stagneert.", "raadsonderzoek" },
        { "Kunnen we de beschermingstafel inschakelen? Het vrijwillig kader is niet genoeg.", "raadsonderzoek" },
        { "Er is geen direct gevaar, maar ouders werken niet mee en de onveiligheid blijft.", "raadsonderzoek" },
        { "Het is niet acuut, maar ouders weigeren alle hulp en het kind blijft onveilig.", "raadsonderzoek" },
        { "Parents refuse all help and the child is unsafe; should we request an investigation by the child protection board?", "raadsonderzoek" },
        { "There is no immediate danger, but the parents refuse all help and the child is unsafe.", "raadsonderzoek" },

        // veilig-thuis: suspected domestic violence or child abuse, no acute danger.
        { "Ik vermoed kindermishandeling, wat moet ik doen?", "veilig-thuis" },
        { "Ik twijfel of er sprake is van huiselijk geweld bij een gezin, welke route?", "veilig-thuis" },
        { "Het kind heeft blauwe plekken en ik vermoed dat vader hem slaat. Er is geen direct gevaar. Wat nu?", "veilig-thuis" },
        { "Moet ik een melding doen bij Veilig Thuis volgens de meldcode?", "veilig-thuis" },
        { "Ik maak me zorgen over verwaarlozing van een peuter, welke stappen?", "veilig-thuis" },
        { "Er is op dit moment geen direct gevaar voor het kind, maar ik maak me zorgen om verwaarlozing.", "veilig-thuis" },
        { "I suspect child abuse in a family, what should I do?", "veilig-thuis" },
        { "No immediate danger, but I suspect domestic violence.", "veilig-thuis" },

        // acuut: a child is in danger now.
        { "Er is nu direct gevaar voor een kind, wat moet ik doen?", "acuut" },
        { "Moeder is dronken en de kinderen zijn alleen thuis, acuut onveilig!", "acuut" },
        { "Crisissituatie: vader dreigt de kinderen mee te nemen, levensgevaar.", "acuut" },
        { "Spoedeisend: het kind is nu in gevaar.", "acuut" },
        { "A child is in immediate danger, what do I do?", "acuut" },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Ask_CasemanagerPhrasing_GivesRouteIntentAndRoute(string question, string route)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.Equal(Intent.Route, answer.Intent);
        Assert.Equal(route, answer.Route?.Route.Id);
        Assert.Null(answer.FollowUp);
    }

    [Fact]
    public void Phrasings_EveryRoute_HasFiveOrMoreIncludingEnglish()
    {
        var byRoute = Phrasings.Select(row => ((string)row[0], (string)row[1])).GroupBy(x => x.Item2).ToDictionary(g => g.Key);
        foreach (var route in TestKnowledge.Shipped.Knowledge.Routes)
        {
            Assert.True(byRoute.TryGetValue(route.Id, out var rows) && rows.Count() >= 5, $"{route.Id} needs at least 5 phrasings");
            Assert.Contains(rows!, r => LanguageDetector.Detect(r.Item1) == Lang.En);
        }
    }

    public static TheoryData<string> AcuteWithOtherSignals => new()
    {
        "Het kind is in acuut gevaar, ouders werken niet mee en er loopt een OTS.",
        "Ik vermoed mishandeling en het kind is nu in gevaar.",
        "De maatregel is afgelopen maar er is acuut gevaar voor de kinderen.",
        "Acute crisis: vader is agressief, de GI moet de regie overnemen.",
        "Ik wil even sparren, maar er is direct gevaar voor het kind.",
        "The child is in danger right now and the supervision order has ended.",
        "Life-threatening situation at home, I suspect abuse.",
    };

    [Theory]
    [MemberData(nameof(AcuteWithOtherSignals))]
    public void Ask_AcuteDangerWithOtherSignals_AcuteWins(string question)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.Equal(Intent.Route, answer.Intent);
        Assert.Equal("acuut", answer.Route?.Route.Id);
        Assert.True(answer.Signals["acuut-gevaar"]);
    }

    public static TheoryData<string> NegatedAcute => new()
    {
        "Er is geen acuut gevaar, maar ik vermoed wel kindermishandeling.",
        "Er is geen direct gevaar, maar ouders werken niet mee en de onveiligheid blijft.",
        "Geen direct gevaar. Er loopt wel een OTS en ik wil afstemmen met de jeugdbeschermer.",
        "Er is op dit moment geen direct gevaar voor het kind, maar ik maak me zorgen om verwaarlozing.",
        "Het kind is niet in acuut gevaar; kan de GI aansluiten bij een netwerkberaad?",
        "Er is geen acute crisis, welke route past?",
        "No immediate danger, but I suspect domestic violence.",
        "There is no acute danger; can the GI join a home visit?",
    };

    [Theory]
    [MemberData(nameof(NegatedAcute))]
    public void Ask_NegatedAcuteDanger_IsNotAcute(string question)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.NotEqual("acuut", answer.Route?.Route.Id);
        Assert.False(answer.Signals.GetValueOrDefault("acuut-gevaar"));
    }

    [Theory]
    [InlineData("Ik vermoed kindermishandeling, wat moet ik doen?", "veilig-thuis")]
    [InlineData("Ouders werken niet mee en de zorgen over de veiligheid blijven, wat moet ik doen?", "raadsonderzoek")]
    [InlineData("Kan de GI de regie tijdelijk overnemen? Het is een zeer complexe casus.", "specialistisch-casemanagement")]
    public void Ask_RouteAnswer_NamesTheSignalsThatCarriedIt(string question, string route)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.Equal(route, answer.Route?.Route.Id);
        Assert.NotEmpty(answer.Route!.Reasons);
        Assert.All(answer.Route.Reasons, signal => Assert.True(answer.Signals[signal.Id]));
    }
}
