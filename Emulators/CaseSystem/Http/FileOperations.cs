using System.Text.Json;

namespace Integration.Emulators.CaseSystem.Http;

/// <summary><c>FileService</c>: <c>Upload</c> ahead of <c>CreateDocument</c>, and <c>GetFileWithMetadata</c>.</summary>
internal static class FileOperations
{
    /// <summary>
    /// Takes <c>FileData</c> (a byte array, as SIF's example sends it, or base64 text) and answers a
    /// <c>FileReference</c> such as <c>4792df9e-…\TestFile2.TXT</c>, which <c>CreateDocument</c> takes as
    /// <c>UploadedFileReference</c>.
    /// </summary>
    public static void Upload(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        var fileName = parameter.Required("FileName");
        var digest = parameter.Content("FileData") ?? throw new SifBusinessException("FileData is required.");
        var format = parameter.String("FileFormat") is { Length: > 0 } given ? given : null;
        var upload = context.Archive.AddUpload(fileName, format, new FileDraft(fileName, format, digest.Length, digest.Sha256, null));
        answer.WriteString("FileReference", upload.FileReference);
    }

    /// <summary>A file's metadata by <c>Recno</c>. The stand-in keeps no bytes, so no file data comes back.</summary>
    public static void GetFileWithMetadata(SifParameter parameter, SifCallContext context, Utf8JsonWriter answer)
    {
        var recno = parameter.Int("Recno") ?? throw new SifBusinessException("Recno is required.");
        var (document, file) = context.Archive.FindFile(recno) ?? throw new SifBusinessException($"No file has Recno {recno}.");
        answer.WritePropertyName("File");
        SifJson.File(answer, file, main: document.Files[0].Recno == file.Recno, document.Created, context);
    }
}
