using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Integration.Emulators.Graph.Http;

/// <summary>
/// An opaque delta token. A deltaLink's token starts a round after a change sequence; a nextLink's token
/// carries the whole round, so paging needs no server-side cursor. The epoch lets
/// <see cref="SharePointList.ExpireDeltaTokens"/> retire every token at once. Base64url, so it travels
/// unchanged in <c>?token=</c> and in <c>delta(token='…')</c>.
/// </summary>
internal sealed record DeltaToken(int Epoch, long Since, DeltaRound? Round)
{
    private const string Version = "v1";

    public string Encode(Guid listId)
    {
        var parts = new List<string> { Version, listId.ToString("N"), Text(Epoch), Text(Since) };
        if (Round is { } round)
        {
            parts.AddRange([Text(round.Upper), Text(round.After), Text(round.Leading), Text(round.Trailing),
                string.Join('-', round.Repeats.Select(id => Text(id)))]);
        }

        return Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Join('|', parts)));
    }

    public static DeltaToken? TryDecode(string token, Guid listId)
    {
        string[] parts;
        try
        {
            parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split('|');
        }
        catch (FormatException)
        {
            return null;
        }

        if (parts.Length is not (4 or 9) || parts[0] != Version || parts[1] != listId.ToString("N")
            || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out var epoch)
            || !long.TryParse(parts[3], CultureInfo.InvariantCulture, out var since))
        {
            return null;
        }

        if (parts.Length == 4)
        {
            return new DeltaToken(epoch, since, null);
        }

        var repeats = parts[8].Length == 0 ? [] : parts[8].Split('-');
        if (!long.TryParse(parts[4], CultureInfo.InvariantCulture, out var upper)
            || !long.TryParse(parts[5], CultureInfo.InvariantCulture, out var after)
            || !int.TryParse(parts[6], CultureInfo.InvariantCulture, out var leading)
            || !int.TryParse(parts[7], CultureInfo.InvariantCulture, out var trailing)
            || !repeats.All(r => int.TryParse(r, CultureInfo.InvariantCulture, out _)))
        {
            return null;
        }

        var repeatIds = repeats.Select(r => int.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        return new DeltaToken(epoch, since, new DeltaRound(since, upper, after, leading, trailing, repeatIds));
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
