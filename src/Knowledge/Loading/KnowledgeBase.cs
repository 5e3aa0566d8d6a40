namespace ExpertBot.Knowledge.Loading;

/// <summary>The merged, validated knowledge: immutable once loaded.</summary>
public sealed class KnowledgeBase
{
    internal KnowledgeBase(
        string? region,
        IReadOnlyList<Organisation> organisations,
        IReadOnlyList<Topic> topics,
        IReadOnlyList<Expert> experts,
        IReadOnlyList<Municipality> municipalities,
        IReadOnlyList<Signal> signals,
        IReadOnlyList<Route> routes,
        IReadOnlyList<FollowUpQuestion> followUps,
        IReadOnlyList<Article> articles,
        IReadOnlyList<IntentCue> intentCues,
        IReadOnlyList<TopicAlias> topicAliases,
        string version)
    {
        Region = region;
        Organisations = organisations;
        Topics = topics;
        Experts = experts;
        Municipalities = municipalities;
        Signals = signals;
        Routes = routes;
        FollowUps = followUps;
        Articles = articles;
        IntentCues = intentCues;
        TopicAliases = topicAliases;
        Version = version;
        OrganisationsById = organisations.ToDictionary(o => o.Id, StringComparer.Ordinal);
        TopicsById = topics.ToDictionary(t => t.Id, StringComparer.Ordinal);
        RoutesById = routes.ToDictionary(r => r.Id, StringComparer.Ordinal);
        ArticlesById = articles.ToDictionary(a => a.Id, StringComparer.Ordinal);
    }

    public string? Region { get; }
    public IReadOnlyList<Organisation> Organisations { get; }
    public IReadOnlyList<Topic> Topics { get; }
    public IReadOnlyList<Expert> Experts { get; }
    public IReadOnlyList<Municipality> Municipalities { get; }
    public IReadOnlyList<Signal> Signals { get; }
    public IReadOnlyList<Route> Routes { get; }
    public IReadOnlyList<FollowUpQuestion> FollowUps { get; }
    public IReadOnlyList<Article> Articles { get; }
    public IReadOnlyList<IntentCue> IntentCues { get; }
    public IReadOnlyList<TopicAlias> TopicAliases { get; }

    /// <summary>A hash of the merged content: changes whenever any loaded file changes (cache keys, answers).</summary>
    public string Version { get; }

    public IReadOnlyDictionary<string, Organisation> OrganisationsById { get; }
    public IReadOnlyDictionary<string, Topic> TopicsById { get; }
    public IReadOnlyDictionary<string, Route> RoutesById { get; }
    public IReadOnlyDictionary<string, Article> ArticlesById { get; }
}
