using ExpertBot.Knowledge.Language;

namespace ExpertBot.Knowledge.Tests.Language;

public sealed class IntentTests
{
    public static TheoryData<string, Intent> Questions => new()
    {
        { "Wie kan ik raadplegen over schoolverzuim in Westerkwartier?", Intent.Who },
        { "Met wie kan ik overleggen over een gezin met een licht verstandelijke beperking?", Intent.Who },
        { "Ik zoek een expert op het gebied van uithuisplaatsing in Veendam.", Intent.Who },
        { "Is er een gedragswetenschapper beschikbaar in Oldambt?", Intent.Who },
        { "Welke jeugdreclasseerder kan ik bellen over een jongere met een strafzaak?", Intent.Who },
        { "Who can I consult about domestic violence in Groningen?", Intent.Who },
        { "Is there an expert on high-conflict divorce available on Friday?", Intent.Who },

        { "Ik vermoed kindermishandeling, wat moet ik doen?", Intent.Route },
        { "Welke route past hier?", Intent.Route },
        { "Wat is de volgende stap nu de OTS is afgelopen?", Intent.Route },
        { "Kan de GI aansluiten bij een netwerkberaad?", Intent.Route },
        { "Ouders werken niet mee en de onveiligheid blijft.", Intent.Route },
        { "Which route fits when parents refuse all help?", Intent.Route },

        { "Ik wil een adviesaanvraag indienen bij de GI.", Intent.Request },
        { "Kun je het aanvraagformulier openen?", Intent.Request },
        { "Ik wil de GI om advies vragen over een casus.", Intent.Request },
        { "Consultatieverzoek indienen graag", Intent.Request },
        { "I want to submit a request to the GI for a consultation.", Intent.Request },
        { "Open the request form please", Intent.Request },

        { "Herinner me op 15 januari aan de evaluatie van casus 2024-17", Intent.Reminder },
        { "Zet een herinnering voor de evaluatiedatum van casus 12", Intent.Reminder },
        { "Welke herinneringen heb ik staan?", Intent.Reminder },
        { "Remind me next Tuesday about the evaluation.", Intent.Reminder },
        { "Show my reminders", Intent.Reminder },

        // Facts from the articles: rates and durations of the GI's work.
        { "Wat is het uurtarief?", Intent.Route },
        { "Wat kost de GI per uur?", Intent.Route },
        { "What does the GI cost per hour?", Intent.Route },
        { "Hoe lang duurt een traject bij de GI?", Intent.Route },

        { "Wat kun je allemaal?", Intent.Help },
        { "Hoe werkt deze bot?", Intent.Help },
        { "Wat kan deze bot voor mij doen?", Intent.Help },
        { "uitleg graag", Intent.Help },
        { "What can you do?", Intent.Help },
        { "How do you work?", Intent.Help },
    };

    [Theory]
    [MemberData(nameof(Questions))]
    public void Ask_Question_Intent(string question, Intent intent)
    {
        Assert.Equal(intent, TestKnowledge.Ask(question).Intent);
    }

    public static TheoryData<string> OffTopic => new()
    {
        "Hoe laat gaat de bus naar Assen?",
        "Heb je een lekker recept voor stamppot?",
        "Hoe laat is het?",
        "Ik heb een vraag over een gezin.",
        "What's the weather like tomorrow?",
        "When does the next train to Emmen leave?",
        "Do you have a good recipe for pancakes?",
        // A word of an article ("kost", "reden") alone, about something the knowledge doesn't know.
        "Hoeveel kost een parkeervergunning?",
        "Wat kost een paspoort?",
        "How much does a parking permit cost?",
        "Wat is de reden dat de trein niet rijdt?",
    };

    [Theory]
    [MemberData(nameof(OffTopic))]
    public void Ask_OffTopic_UnknownWithoutExpertsOrRoute(string question)
    {
        var answer = TestKnowledge.Ask(question);

        Assert.Equal(Intent.Unknown, answer.Intent);
        Assert.Empty(answer.Experts.Recommended);
        Assert.Null(answer.Route);
        Assert.Null(answer.FollowUp);
    }

    [Theory]
    [InlineData(Intent.Who, "who")]
    [InlineData(Intent.Route, "route")]
    [InlineData(Intent.Request, "request")]
    [InlineData(Intent.Reminder, "reminder")]
    [InlineData(Intent.Help, "help")]
    [InlineData(Intent.Unknown, "unknown")]
    public void Code_Intent_RoundTrips(Intent intent, string code)
    {
        Assert.Equal(code, intent.Code());
        Assert.Equal(intent, IntentNames.Parse(code));
    }
}
