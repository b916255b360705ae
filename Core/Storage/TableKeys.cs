using System.Text;

namespace Integration.Core.Storage;

/// <summary>PartitionKey and RowKey may not contain / \ # ? or control characters.</summary>
public static class TableKeys
{
    public static string Escape(string key)
    {
        var builder = new StringBuilder(key.Length);
        foreach (var c in key)
        {
            if (c is '/' or '\\' or '#' or '?' or '%' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
