using System.Text.RegularExpressions;

namespace Integration.Core.Configuration;

/// <summary>
/// Turns the configuration binder's conversion failure ("Failed to convert configuration value
/// 'abc' at 'SharePoint:PageSize' to type 'System.Int32'") into the line an operator needs: the
/// setting as they type it, the value, and what it accepts.
/// </summary>
public static partial class ConfigurationErrors
{
    public static bool TryDescribe(Exception exception, out string message)
    {
        for (var e = exception; e is not null; e = e.InnerException ?? (e as AggregateException)?.InnerExceptions.FirstOrDefault())
        {
            if (e is InvalidOperationException && ConversionFailure().Match(e.Message) is { Success: true } match)
            {
                var key = match.Groups["key"].Value.Replace(":", "__", StringComparison.Ordinal);
                message = $"{key}='{match.Groups["value"].Value}' cannot be read: {Accepted(match.Groups["type"].Value)}.";
                return true;
            }
        }

        message = "";
        return false;
    }

    private static string Accepted(string typeName)
    {
        var type = Type.GetType(typeName) ?? typeof(ConfigurationErrors).Assembly.GetType(typeName);
        if (type is { IsEnum: true }) return $"it must be one of {string.Join(", ", Enum.GetNames(type))}";
        return typeName switch
        {
            "System.Int32" or "System.Int64" => "it must be a whole number",
            "System.Boolean" => "it must be true or false",
            "System.TimeSpan" => "it must be a time span such as 00:30:00",
            "System.Double" or "System.Decimal" => "it must be a number",
            _ => $"it must be a {type?.Name ?? typeName}",
        };
    }

    [GeneratedRegex(@"Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex ConversionFailure();
}
