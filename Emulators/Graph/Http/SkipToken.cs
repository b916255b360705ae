using System.Globalization;
using System.Text;

namespace Integration.Emulators.Graph.Http;

/// <summary>SharePoint's item-listing skip token: base64 of <c>Paged=TRUE&amp;p_ID={last id}</c>.</summary>
internal static class SkipToken
{
    private const string Prefix = "Paged=TRUE&p_ID=";

    public static string Encode(int lastId) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(Prefix + lastId.ToString(CultureInfo.InvariantCulture)));

    public static bool TryDecode(string token, out int lastId)
    {
        lastId = 0;
        Span<byte> bytes = stackalloc byte[token.Length];
        if (!Convert.TryFromBase64String(token, bytes, out var length))
        {
            return false;
        }

        var text = Encoding.UTF8.GetString(bytes[..length]);
        return text.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out lastId);
    }
}
