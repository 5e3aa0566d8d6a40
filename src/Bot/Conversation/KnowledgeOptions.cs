using System.ComponentModel.DataAnnotations;

namespace ExpertBot.Bot.Conversation;

/// <summary>Which knowledge files the bot answers from (section <c>Knowledge</c>).</summary>
internal sealed class KnowledgeOptions
{
    public const string Section = "Knowledge";

    /// <summary>Knowledge files, merged in order. Empty: the shipped route knowledge and the fictional sample expert pool.</summary>
    [Required]
    public List<string> Files { get; set; } = [];
}
