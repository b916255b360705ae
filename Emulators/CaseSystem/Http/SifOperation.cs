using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary>Carries out a call and writes the operation's own fields into the open answer object; refuses by throwing <see cref="SifBusinessException"/>.</summary>
internal delegate void SifOperationHandler(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer);

/// <summary>One SIF operation, <c>{Service}/{Name}</c>. <see cref="NeedsParameter"/> is false for calls sent without a body, such as Ping.</summary>
internal sealed record SifOperation(string Service, string Name, SifOperationHandler Handle, bool NeedsParameter = true)
{
    public string Key => Service + "/" + Name;
}

/// <summary>The operations the stand-in answers.</summary>
internal static class SifOperations
{
    private static readonly string[] Services = ["CaseService", "DocumentService", "FileService", "SupportService", "ContactService"];

    public static IReadOnlyDictionary<string, SifOperation> All { get; } = Build();

    private static Dictionary<string, SifOperation> Build()
    {
        SifOperation[] operations =
        [
            new("CaseService", "CreateCase", CaseOperations.CreateCase),
            new("CaseService", "GetCases", CaseOperations.GetCases),
            new("DocumentService", "CreateDocument", DocumentOperations.CreateDocument),
            new("DocumentService", "GetDocuments", DocumentOperations.GetDocuments),
            new("FileService", "Upload", FileOperations.Upload),
            new("FileService", "GetFileWithMetadata", FileOperations.GetFileWithMetadata),
            new("SupportService", "GetCodeTableRows", SupportOperations.GetCodeTableRows),
            new("ContactService", "GetContactPersons", ContactOperations.GetContactPersons),
            new("ContactService", "GetEnterprises", ContactOperations.GetEnterprises),
            new("ContactService", "SynchronizePrivatePerson", ContactOperations.SynchronizePrivatePerson),
            .. Services.Select(service => new SifOperation(service, "Ping", static (_, _, _) => { }, NeedsParameter: false)),
        ];
        return operations.ToDictionary(o => o.Key, StringComparer.OrdinalIgnoreCase);
    }
}
