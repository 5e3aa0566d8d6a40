using System.Text.Json;
using ExpertBot.Knowledge.Loading;

namespace ExpertBot.Knowledge.Benchmarks;

/// <summary>
/// A large, deterministic knowledge base built in memory: the shipped routes plus one generated file with
/// 10,000 experts and 1,000 articles over the shipped topics and municipalities.
/// </summary>
public static class SyntheticKnowledge
{
    public const int Experts = 10_000;
    public const int Articles = 1_000;

    private static readonly string[] FirstNames =
        ["Anna", "Bert", "Cor", "Dina", "Evert", "Fenna", "Gerrit", "Hilde", "Ids", "Janna", "Klaas", "Lieke", "Mark", "Noor", "Otto", "Pien", "Roel", "Sanne", "Tjeerd", "Wietske"];

    private static readonly string[] LastNames =
        ["de Vries", "Bakker", "Dijkstra", "Smit", "Mulder", "de Boer", "Visser", "Meijer", "Bos", "Hoekstra", "Kramer", "Postma", "Jansen", "van Dijk", "Wierenga", "Zijlstra"];

    private static readonly string[] Roles =
        ["jeugdbeschermer", "gezinsvoogd", "ambassadeur jeugdbescherming", "gedragswetenschapper", "jeugdreclasseerder", "adviseur Veilig Thuis", "raadsonderzoeker", "leerplichtambtenaar"];

    private static readonly string[] Days = ["ma", "di", "wo", "do", "vr", "za", "zo"];

    private static readonly string[] KeywordHeads =
        ["werkinstructie", "kennisbank", "protocol", "handreiking", "checklist", "factsheet", "sjabloon", "richtlijn", "stappenplan", "webinar"];

    private static readonly string[] KeywordTails =
        ["jeugdhulp", "pleegouders", "basisteam", "gezinsplan", "jongeren", "scholen", "huisartsen", "wijkteams", "ketenpartners", "zorgaanbieders",
         "gemeenten", "opvoeders", "kinderopvang", "verslaving", "schulden", "huisvesting", "psychiatrie", "trauma", "echtscheiding", "rouw"];

    public static IReadOnlyList<KnowledgeSource> Sources { get; } = Build();

    private static IReadOnlyList<KnowledgeSource> Build()
    {
        var shipped = KnowledgeLoader.Load([KnowledgeSource.Shipped[0]]);
        var topics = shipped.Topics.Select(t => t.Id).ToArray();
        var municipalities = shipped.Municipalities.Select(m => m.Name).ToArray();
        var random = new Random(20261123);

        var organisations = new List<object>
        {
            new { id = "gi-1", name = "GI Een", type = "gi", municipalities = new[] { "*" }, contact = new { phone = "050-0000001" } },
            new { id = "gi-2", name = "GI Twee", type = "gi", municipalities = new[] { "*" }, contact = new { phone = "050-0000002" } },
            new { id = "vt", name = "Veilig Thuis", type = "veilig-thuis", municipalities = new[] { "*" }, contact = new { phone = "0800-2000" } },
            new { id = "raad", name = "Raad", type = "raad", municipalities = new[] { "*" }, contact = new { phone = "050-0000004" } },
        };
        organisations.AddRange(municipalities.Select((m, i) => (object)new
        {
            id = $"team-{i:00}", name = $"Team {m}", type = "lokaal-team", municipalities = new[] { m },
        }));

        var experts = new List<object>(Experts);
        for (var i = 0; i < Experts; i++)
        {
            var everywhere = random.Next(10) == 0;
            var team = random.Next(municipalities.Length);
            experts.Add(new
            {
                id = $"x-{i:00000}",
                name = $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]}",
                organisation = random.Next(3) switch { 0 => "gi-1", 1 => "gi-2", _ => $"team-{team:00}" },
                role = Roles[random.Next(Roles.Length)],
                expertise = Pick(random, topics, 1 + random.Next(3)),
                municipalities = everywhere ? ["*"] : Pick(random, municipalities, 1 + random.Next(3)),
                languages = random.Next(3) == 0 ? new[] { "nl", "en" } : ["nl"],
                available = Days.Where(_ => random.Next(2) == 0).ToArray(),
                contact = new { email = $"x{i}@pool.example" },
                acceptsRequests = random.Next(20) != 0,
            });
        }

        var articles = new List<object>(Articles);
        for (var i = 0; i < Articles; i++)
        {
            var head = KeywordHeads[random.Next(KeywordHeads.Length)];
            var tail = KeywordTails[random.Next(KeywordTails.Length)];
            articles.Add(new
            {
                id = $"kb-{i:0000}",
                title = new { nl = $"{head} {tail} ({i})", en = $"{head} {tail} ({i}) in English" },
                body = new
                {
                    nl = $"Dit artikel beschrijft de {head} voor {tail}. Het legt uit wanneer je de GI inschakelt, hoe je afspraken vastlegt en wie de regie houdt. Nummer {i}.",
                    en = $"This article describes the {head} for {tail}: when to involve the GI, how to record agreements and who keeps the lead. Number {i}.",
                },
                keywords = new[] { $"{head} {tail}", $"kennisartikel{i:0000}" },
                sources = new[] { new { document = "Synthetische kennisbank", section = $"§{i}" } },
            });
        }

        var pool = JsonSerializer.Serialize(new
        {
            schemaVersion = 1,
            region = "Synthetic benchmark region",
            fictional = true,
            organisations,
            experts,
            articles,
        });
        return [KnowledgeSource.Shipped[0], new KnowledgeSource("synthetic.json", pool)];
    }

    private static string[] Pick(Random random, string[] from, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => from[random.Next(from.Length)]).Distinct()];
}
