using System.Text.Json.Nodes;

namespace ExpertBot.Knowledge.Loading;

/// <summary>Turns schema-valid JSON into model records, merging by id and remembering where each item came from.</summary>
internal sealed class Merger
{
    private readonly Section<Organisation> _organisations = new();
    private readonly Section<Topic> _topics = new();
    private readonly Section<Expert> _experts = new();
    private readonly Section<Municipality> _municipalities = new();
    private readonly Section<Signal> _signals = new();
    private readonly Section<Route> _routes = new();
    private readonly Section<FollowUpQuestion> _followUps = new();
    private readonly Section<Article> _articles = new();
    private readonly Section<TopicAlias> _topicAliases = new();
    private readonly Dictionary<string, List<IntentCue>> _intents = new(StringComparer.Ordinal);
    private string? _region;

    public void Add(string file, JsonObject root, List<KnowledgeError> errors)
    {
        _region = Str(root["region"]) ?? _region;
        Read(file, root, "organisations", _organisations, ReadOrganisation, o => o.Id, errors);
        Read(file, root, "topics", _topics, ReadTopic, t => t.Id, errors);
        Read(file, root, "experts", _experts, ReadExpert, e => e.Id, errors);
        Read(file, root, "municipalities", _municipalities, ReadMunicipality, m => m.Name.ToLowerInvariant(), errors);
        Read(file, root, "signals", _signals, ReadSignal, s => s.Id, errors);
        Read(file, root, "followUps", _followUps, ReadFollowUp, f => f.Id, errors);
        Read(file, root, "routes", _routes, ReadRoute, r => r.Id, errors);
        Read(file, root, "articles", _articles, ReadArticle, a => a.Id, errors);
        Read(file, root, "topicAliases", _topicAliases, o => new TopicAlias(Str(o["topic"])!, Strings(o["phrases"])), a => a.Topic, errors);
        if (root["intents"] is JsonArray intents)
        {
            foreach (var intent in intents.OfType<JsonObject>())
            {
                var id = Str(intent["id"])!;
                _intents[id] = Arr(intent["cues"]).OfType<JsonObject>()
                    .Select(c => new IntentCue(id, Str(c["phrase"])!, (int)c["weight"]!))
                    .ToList();
            }
        }
    }

    public void CheckReferences(List<KnowledgeError> errors)
    {
        var signalIds = _signals.Ids;
        foreach (var (expert, origin) in _experts.Items)
        {
            if (!_organisations.Ids.Contains(expert.Organisation))
            {
                errors.Add(origin.Error(".organisation", $"organisation '{expert.Organisation}' is not defined"));
            }

            for (var i = 0; i < expert.Expertise.Count; i++)
            {
                if (!_topics.Ids.Contains(expert.Expertise[i]))
                {
                    errors.Add(origin.Error($".expertise[{i}]", $"topic '{expert.Expertise[i]}' is not defined"));
                }
            }
        }

        foreach (var (signal, origin) in _signals.Items)
        {
            for (var i = 0; i < signal.Topics.Count; i++)
            {
                if (!_topics.Ids.Contains(signal.Topics[i]))
                {
                    errors.Add(origin.Error($".topics[{i}]", $"topic '{signal.Topics[i]}' is not defined"));
                }
            }
        }

        foreach (var (route, origin) in _routes.Items)
        {
            CheckSignals(route.Decision.Requires, ".decision.requires", origin, signalIds, errors);
            CheckSignals(route.Decision.Excludes, ".decision.excludes", origin, signalIds, errors);
            CheckSignals([.. route.Decision.Indicators.Select(x => x.Signal)], ".decision.indicators", origin, signalIds, errors);
            for (var i = 0; i < route.Articles.Count; i++)
            {
                if (!_articles.Ids.Contains(route.Articles[i]))
                {
                    errors.Add(origin.Error($".articles[{i}]", $"article '{route.Articles[i]}' is not defined"));
                }
            }
        }

        foreach (var (followUp, origin) in _followUps.Items)
        {
            for (var c = 0; c < followUp.Choices.Count; c++)
            {
                CheckSignals([.. followUp.Choices[c].Sets.Keys], $".choices[{c}].sets", origin, signalIds, errors);
            }
        }
    }

    public KnowledgeBase Build(string version)
    {
        var municipalities = _municipalities.Values.ToList();
        var known = new HashSet<string>(municipalities.Select(m => m.Name), StringComparer.OrdinalIgnoreCase);
        var served = _organisations.Values.SelectMany(o => o.Municipalities)
            .Concat(_experts.Values.SelectMany(e => e.Municipalities))
            .Where(m => m != "*")
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal);
        foreach (var name in served)
        {
            if (known.Add(name))
            {
                municipalities.Add(new Municipality(name, []));
            }
        }

        return new KnowledgeBase(
            _region,
            [.. _organisations.Values],
            [.. _topics.Values],
            [.. _experts.Values],
            municipalities,
            [.. _signals.Values],
            [.. _routes.Values],
            [.. _followUps.Values],
            [.. _articles.Values],
            [.. _intents.Values.SelectMany(x => x)],
            [.. _topicAliases.Values.Where(a => _topics.Ids.Contains(a.Topic))],
            version);
    }

    private static void CheckSignals(IReadOnlyList<string> ids, string path, Origin origin, IReadOnlySet<string> known, List<KnowledgeError> errors)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (!known.Contains(ids[i]))
            {
                errors.Add(origin.Error($"{path}[{i}]", $"signal '{ids[i]}' is not defined"));
            }
        }
    }

    private static void Read<T>(
        string file, JsonObject root, string name, Section<T> section, Func<JsonObject, T> read, Func<T, string> key, List<KnowledgeError> errors)
    {
        if (root[name] is not JsonArray array)
        {
            return;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < array.Count; i++)
        {
            var item = read((JsonObject)array[i]!);
            var origin = new Origin(file, $"$.{name}[{i}]");
            if (!seen.Add(key(item)))
            {
                errors.Add(origin.Error(".id", $"'{key(item)}' appears twice in this file"));
                continue;
            }

            section.Put(key(item), item, origin);
        }
    }

    private static Organisation ReadOrganisation(JsonObject o) =>
        new(Str(o["id"])!, Str(o["name"])!, Str(o["type"])!, Strings(o["municipalities"]), ReadContact(o["contact"]));

    private static Topic ReadTopic(JsonObject o) => new(Str(o["id"])!, Str(o["label"])!, Strings(o["synonyms"]));

    private static Expert ReadExpert(JsonObject o) => new(
        Str(o["id"])!,
        Str(o["name"])!,
        Str(o["organisation"])!,
        Str(o["role"])!,
        Strings(o["expertise"]),
        Strings(o["municipalities"]),
        o["languages"] is null ? ["nl"] : Strings(o["languages"]),
        Strings(o["available"]),
        ReadContact(o["contact"]),
        o["acceptsRequests"] is not JsonValue accepts || accepts.GetValue<bool>());

    private static Municipality ReadMunicipality(JsonObject o) => new(Str(o["name"])!, Strings(o["aliases"]));

    private static Signal ReadSignal(JsonObject o) =>
        new(Str(o["id"])!, Text(o["label"]), Strings(o["phrases"]), Strings(o["counterPhrases"]), Strings(o["topics"]));

    private static FollowUpQuestion ReadFollowUp(JsonObject o) => new(
        Str(o["id"])!,
        Text(o["question"]),
        [.. Arr(o["choices"]).OfType<JsonObject>().Select(c => new FollowUpChoice(
            Str(c["value"])!,
            Text(c["label"]),
            (c["sets"] as JsonObject ?? []).ToDictionary(p => p.Key, p => p.Value!.GetValue<bool>(), StringComparer.Ordinal)))],
        o["priority"] is JsonValue p ? p.GetValue<int>() : 0);

    private static Route ReadRoute(JsonObject o)
    {
        var decision = o["decision"] as JsonObject ?? [];
        return new Route(
            Str(o["id"])!,
            Text(o["name"]),
            Text(o["summary"]),
            Texts(o["whenItFits"]),
            Text(o["regie"]),
            Texts(o["expectations"]),
            Texts(o["pitfalls"]),
            Text(o["nextStep"]),
            Strings(o["organisationTypes"]),
            Strings(o["topics"]),
            Strings(o["articles"]),
            new RouteDecision(
                Strings(decision["requires"]),
                Strings(decision["excludes"]),
                [.. Arr(decision["indicators"]).OfType<JsonObject>().Select(i => new Indicator(Str(i["signal"])!, (int)i["weight"]!))],
                decision["decisive"] is JsonValue d && d.GetValue<bool>()),
            Sources(o["sources"]));
    }

    private static Article ReadArticle(JsonObject o) =>
        new(Str(o["id"])!, Text(o["title"]), Text(o["body"]), Strings(o["keywords"]), Sources(o["sources"]));

    private static Contact ReadContact(JsonNode? node) => node is JsonObject c
        ? new Contact(Str(c["phone"]), Str(c["email"]), Str(c["teamsUserId"]))
        : new Contact();

    private static IReadOnlyList<SourceRef> Sources(JsonNode? node) =>
        [.. Arr(node).OfType<JsonObject>().Select(s => new SourceRef(Str(s["document"])!, Str(s["section"])!))];

    private static LocalizedText Text(JsonNode? node) => node switch
    {
        JsonObject o => new LocalizedText(Str(o["nl"])!, Str(o["en"])),
        _ => new LocalizedText(Str(node) ?? ""),
    };

    private static IReadOnlyList<LocalizedText> Texts(JsonNode? node) => [.. Arr(node).Select(Text)];

    private static IReadOnlyList<string> Strings(JsonNode? node) => [.. Arr(node).Select(n => Str(n)!)];

    private static JsonArray Arr(JsonNode? node) => node as JsonArray ?? [];

    private static string? Str(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private sealed record Origin(string File, string Path)
    {
        public KnowledgeError Error(string suffix, string problem) => new(File, Path + suffix, problem);
    }

    /// <summary>Items in first-seen order; a later item with the same key replaces the earlier one in place.</summary>
    private sealed class Section<T>
    {
        private readonly List<(T Item, Origin Origin)> _items = [];
        private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
        private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

        public IEnumerable<(T Item, Origin Origin)> Items => _items;
        public IEnumerable<T> Values => _items.Select(x => x.Item);
        public IReadOnlySet<string> Ids => _ids;

        public void Put(string key, T item, Origin origin)
        {
            if (_index.TryGetValue(key, out var at))
            {
                _items[at] = (item, origin);
            }
            else
            {
                _index[key] = _items.Count;
                _ids.Add(key);
                _items.Add((item, origin));
            }
        }
    }
}
