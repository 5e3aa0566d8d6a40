using System.Collections.Frozen;

namespace ExpertBot.Knowledge.Privacy;

// Deliberately short lists: the cue and adjacency rules are the main guard against false names.
internal static class NameWords
{
    public static readonly FrozenSet<string> Particles = FrozenSet.Create(
        StringComparer.Ordinal, "van", "de", "der", "den", "het", "ter", "ten", "von", "el", "'t", "’t");

    // Capitalised words that start sentences or introduce a name but are never part of one. A run is cut here.
    public static readonly FrozenSet<string> FunctionWords = FrozenSet.Create(
        StringComparer.Ordinal,
        // Dutch
        "Het", "Een", "En", "Of", "Maar", "Dus", "Dan", "Toen", "Ook", "Nog", "Wel", "Niet", "Geen", "Er", "Hier",
        "Daar", "Dit", "Dat", "Deze", "Die", "Wie", "Wat", "Waar", "Wanneer", "Hoe", "Waarom", "Ik", "Jij", "Je",
        "U", "Hij", "Zij", "Ze", "Wij", "We", "Jullie", "Mijn", "Jouw", "Uw", "Zijn", "Haar", "Ons", "Onze", "Hun",
        "Bij", "Met", "Voor", "Na", "Naar", "Door", "Over", "Op", "In", "Uit", "Aan", "Om", "Tot", "Tegen",
        "Volgens", "Sinds", "Vanaf", "Tijdens", "Zonder", "Als", "Omdat", "Want", "Graag", "Vandaag", "Gisteren",
        "Morgen", "Beste", "Geachte", "Hallo", "Hoi", "Groet", "Groeten", "Vriendelijke", "Bel", "Kan", "Kunt",
        "Moet", "Mag", "Wil", "Is", "Was", "Heeft", "Gaat", "Maandag", "Dinsdag", "Woensdag", "Donderdag",
        "Vrijdag", "Zaterdag", "Zondag",
        // Cue words, so "Moeder Anna" yields "Anna"
        "Moeder", "Vader", "Pleegmoeder", "Pleegvader", "Zoon", "Dochter", "Kind", "Broer", "Zus", "Oma", "Opa",
        "Cliënt", "Client", "Meneer", "Mevrouw", "Mevr", "Dhr", "Mw", "Mr", "Mrs", "Ms", "Heer", "Familie", "Fam",
        "Naam", "Genaamd",
        // English
        "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "I", "You", "My", "His",
        "Her", "Its", "Our", "Their", "Your", "And", "Or", "But", "If", "When", "Where", "What", "Who", "Why",
        "How", "On", "At", "By", "For", "With", "From", "To", "Of", "About", "After", "Before", "Since", "Dear",
        "Hi", "Hello", "Thanks", "Thank", "Please", "Regards", "Best", "Yes", "No", "Today", "Tomorrow",
        "Yesterday", "Mother", "Father", "Son", "Daughter", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
        "Saturday", "Sunday");

    // Organisations and regions that appear next to personal data all the time.
    public static readonly FrozenSet<string> Organisations = FrozenSet.Create(
        StringComparer.Ordinal,
        "Veilig", "Thuis", "Raad", "Kinderbescherming", "Jeugdbescherming", "Jeugdzorg", "Gemeente", "Wijkteam",
        "Stichting", "Rechtbank", "Politie", "Regio", "Noord", "Zuid", "Oost", "West");

    public static readonly FrozenSet<string> Places = FrozenSet.Create(
        StringComparer.Ordinal,
        "Nederland", "Groningen", "Drenthe", "Friesland", "Amsterdam", "Rotterdam", "Utrecht", "Haag", "Assen",
        "Zwolle", "Leeuwarden", "Emmen");

    // A run holding one of these only keeps a part with two or more capitalised words ("Piet de Vries" in
    // "Piet de Vries Groningen"), so "Gemeente Assen" next to a phone number is not a name.
    public static readonly FrozenSet<string> DomainWords = Organisations.Union(Places).ToFrozenSet(StringComparer.Ordinal);

    // "ondertekend te Assen, 15-01-2027": a capitalised word after these is a place, not a person.
    public static readonly FrozenSet<string> PlacePrepositions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "te", "in", "uit", "vanuit", "naar", "from");
}
