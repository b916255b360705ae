using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>
/// <c>ContactService</c>, only as far as SIF's example collection calls it: the stand-in registers no
/// persons or enterprises of its own, so searches find none, and a synchronised person only gets a recno.
/// </summary>
internal static class ContactOperations
{
    public static void GetContactPersons(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer) =>
        Empty(answer, "ContactPersons");

    public static void GetEnterprises(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer) =>
        Empty(answer, "Enterprises");

    /// <summary>Creates or finds a private person by <c>ExternalID</c> (or <c>PersonalIdNumber</c>) and answers its <c>Recno</c>.</summary>
    public static void SynchronizePrivatePerson(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        var key = parameter.String("ExternalID") is { Length: > 0 } externalId ? "ext:" + externalId
            : parameter.String("PersonalIdNumber") is { Length: > 0 } idNumber ? "pin:" + idNumber
            : throw new SifBusinessException("ExternalID or PersonalIdNumber is required.");
        parameter.Required("LastName");
        answer.WriteNumber("Recno", context.Archive.SynchronizePerson(key));
    }

    private static void Empty(Utf8JsonWriter answer, string name)
    {
        answer.WriteStartArray(name);
        answer.WriteEndArray();
        answer.WriteNumber("TotalPageCount", 0);
        answer.WriteNumber("TotalCount", 0);
    }
}
