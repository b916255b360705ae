using System.Text;

namespace Integration.Core.Notifications;

/// <summary>
/// The rule for text in a position where Teams reads markdown (a <c>TextBlock</c>'s text, a fact's
/// title or value): a backslash before each of <c>\ * _ [ ] ( ) # + - . ! ~ &gt; &lt; |</c> and the
/// backtick, so <c>[klicka](https://evil.example)</c> or <c>**viktigt**</c> shows as typed. Text from
/// SharePoint goes into a <c>RichTextBlock</c>'s <c>TextRun</c> instead, which reads no markdown;
/// every <c>TextBlock</c> the cards hold passes through <see cref="Escape"/> all the same, and
/// <see cref="CardCheck"/> refuses a card where one does not.
/// </summary>
public static class MarkdownEscape
{
    private const string Special = "\\*_[]()#+-.!~><|`";

    public static bool IsSpecial(char c) => Special.Contains(c, StringComparison.Ordinal);

    public static string Escape(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (IsSpecial(c)) builder.Append('\\');
            builder.Append(c);
        }

        return builder.ToString();
    }

    /// <summary>True when every special character is escaped: the text is what <see cref="Escape"/> would give for some input.</summary>
    public static bool IsEscaped(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                if (i + 1 >= text.Length || !IsSpecial(text[i + 1])) return false;
                i++;
            }
            else if (IsSpecial(text[i]))
            {
                return false;
            }
        }

        return true;
    }
}
