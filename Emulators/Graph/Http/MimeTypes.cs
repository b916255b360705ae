namespace Integration.Emulators.Graph.Http;

/// <summary><c>file.mimeType</c> as SharePoint derives it from the name's extension: the types meeting notes come in, else a byte stream.</summary>
internal static class MimeTypes
{
    private static readonly Dictionary<string, string> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        [".pdf"] = "application/pdf",
        [".odt"] = "application/vnd.oasis.opendocument.text",
    };

    public static string Of(string fileName) =>
        ByExtension.GetValueOrDefault(Path.GetExtension(fileName), "application/octet-stream");
}
