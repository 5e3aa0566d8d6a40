namespace ExpertBot.Knowledge.Language;

/// <summary>
/// One word of a question: folded (lower case, no diacritics), stemmed, and whether it is a stop word.
/// <see cref="Clause"/> increases at punctuation and at "maar"/"but", to bound negation scope.
/// </summary>
public sealed record Token(string Folded, string Stem, int Start, int End, bool IsStop, int Clause);
