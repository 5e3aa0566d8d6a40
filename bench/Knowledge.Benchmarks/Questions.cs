namespace ExpertBot.Knowledge.Benchmarks;

/// <summary>A question of the answering mix; shown by name in result tables.</summary>
public sealed record BenchQuestion(string Name, string Text)
{
    public override string ToString() => Name;
}

public static class Questions
{
    /// <summary>~20 questions: who (topic, role, municipality, day), route, follow-up, request/help/unknown, English.</summary>
    public static IReadOnlyList<BenchQuestion> Mix { get; } =
    [
        new("who-topic-place", "Wie kan ik raadplegen over een vechtscheiding in Oldambt?"),
        new("who-day", "Wie is er vrijdag beschikbaar voor nazorg in Groningen?"),
        new("who-role", "Ik zoek een gedragswetenschapper voor een kernbeslissing in Stadskanaal"),
        new("who-alias", "Met wie overleg ik over huiselijk geweld in de stad Groningen?"),
        new("who-tomorrow", "Wie kan ik morgen bellen over een uithuisplaatsing in Veendam?"),
        new("who-article", "Wie weet iets van de werkinstructie jeugdhulp en lvb?"),
        new("route-advies", "Ik heb een korte vraag aan de GI, ik wil sparren en ik houd de regie."),
        new("route-aansluiten", "Kan de GI aansluiten bij een netwerkberaad? De regie blijft bij ons."),
        new("route-scm", "De veiligheid is ernstig bedreigd en wij zijn handelingsverlegen, kan de GI de regie overnemen?"),
        new("route-nazorg", "De voogdij is afgelopen en het gezin gaat terug naar ons team, wat nu?"),
        new("route-maatregel", "Er loopt een OTS; hoe werk ik samen met de jeugdbeschermer?"),
        new("route-raad", "Ouders weigeren elke medewerking en de onveiligheid blijft, wat is de volgende stap?"),
        new("route-vt", "Er is geen direct gevaar, maar ik vermoed kindermishandeling."),
        new("route-acuut", "Er is nu direct gevaar voor een kind en ouders werken niet mee."),
        new("follow-up", "Welke route past hier?"),
        new("request", "Ik wil de GI om consultatie vragen via het formulier"),
        new("unknown", "Hoe laat gaat de bus naar Assen?"),
        new("en-who", "Who can I consult about domestic violence in Veendam on Friday?"),
        new("en-route", "Parents refuse all help and the child is unsafe; what is the next step?"),
        new("en-follow-up", "Which route fits?"),
    ];
}
