using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary><c>SupportService</c>: the code tables in <see cref="SifCodeTables"/>.</summary>
internal static class SupportOperations
{
    /// <summary>The rows of a code table by <c>CodeTableName</c>; expired rows only with <c>IncludeExpiredValues</c>.</summary>
    public static void GetCodeTableRows(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        var name = parameter.Required("CodeTableName");
        if (!SifCodeTables.All.TryGetValue(name.Trim(), out var rows))
        {
            throw new SifBusinessException($"There is no code table named '{name}'.");
        }

        var includeExpired = parameter.Bool("IncludeExpiredValues");
        var language = parameter.String("Language") is { Length: > 0 } given ? given : "SWE";
        answer.WriteStartArray("CodeTableRows");
        foreach (var row in rows.Where(r => includeExpired || !r.IsExpired))
        {
            answer.WriteStartObject();
            answer.WriteString("Language", language);
            answer.WriteBoolean("IsExpired", row.IsExpired);
            answer.WriteNumber("Recno", row.Recno);
            answer.WriteString("Code", row.Code);
            answer.WriteString("Description", row.Description);
            answer.WriteEndObject();
        }

        answer.WriteEndArray();
    }
}
