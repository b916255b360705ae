using System.Globalization;
using System.Text;
using Integration.Emulators.Graph;

namespace Integration.Emulators.Bench;

/// <summary>
/// Invented people of the network, entered in a site's User Information List. Every 50th has no email,
/// as with external consultants in real sites; a sync quarantines the items they own.
/// </summary>
internal static class NetworkPeople
{
    public const string EmailDomain = "natverket.example";

    private static readonly string[] FirstNames =
    [
        "Anna", "Erik", "Maria", "Lars", "Karin", "Johan", "Eva", "Anders", "Sara", "Mikael", "Lena", "Per", "Emma",
        "Fredrik", "Sofia", "Magnus", "Elin", "Jonas", "Ida", "Henrik", "Linnéa", "Björn", "Åsa", "Göran", "Märta",
        "Omar", "Fatima", "Ahmed", "Amira", "Mehmet", "Leyla", "Ali", "Zeynep", "Hassan", "Aisha", "Ingrid", "Oskar",
        "Hanna", "Nils", "Maja",
    ];

    private static readonly string[] LastNames =
    [
        "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson",
        "Gustafsson", "Pettersson", "Jonsson", "Lindqvist", "Berg", "Lindberg", "Lundgren", "Holm", "Bergström",
        "Sandberg", "Ek", "Åberg", "Söderström", "Öberg", "Haddad", "Yilmaz", "Hussein", "Mohamed", "Khalil", "Demir",
        "Nyström", "Wallin", "Sjöberg", "Forsberg", "Engström", "Hedlund", "Björk", "Lindholm", "Dahl", "Strand", "Ekström",
    ];

    /// <summary>The lookup ids of <paramref name="count"/> people, the same people for the same seed.</summary>
    public static int[] Ensure(SharePointSite site, int count, int seed)
    {
        // A stream of its own, so the number of people does not shift the items drawn from the same seed.
        var random = new Random(unchecked((seed * 7919) + 1));
        var names = new HashSet<string>(StringComparer.Ordinal);
        var mailboxes = new HashSet<string>(StringComparer.Ordinal);
        var ids = new int[count];
        for (var i = 0; i < count; i++)
        {
            var (first, last) = (FirstNames[random.Next(FirstNames.Length)], LastNames[random.Next(LastNames.Length)]);
            var name = $"{first} {last}";
            // 1,600 pairs; beyond them a middle initial keeps names, and so the email-less lookups, distinct.
            for (var initial = 'A'; !names.Add(name); initial++)
            {
                name = $"{first} {initial}. {last}";
            }

            ids[i] = site.EnsureUser(name, i % 50 == 49 ? null : Mailbox(first, last, mailboxes));
        }

        return ids;
    }

    // fornamn.efternamn, numbered when a namesake already has it.
    private static string Mailbox(string first, string last, HashSet<string> taken)
    {
        var local = $"{Fold(first)}.{Fold(last)}";
        var candidate = local;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = local + n.ToString(CultureInfo.InvariantCulture);
        }

        return $"{candidate}@{EmailDomain}";
    }

    // Å, Ä, Ö and é lose their marks in mail addresses: "Linnéa Åberg" is linnea.aberg.
    private static string Fold(string name)
    {
        var letters = name.Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark);
        return string.Concat(letters).ToLowerInvariant();
    }
}
