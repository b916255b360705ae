using System.Globalization;
using System.Net;
using System.Text.Json;

namespace Integration.Core.CaseSystem.Sif;

/// <summary>
/// The body of <c>DocumentService/CreateDocument</c>, written as it is sent: the file is read in
/// small chunks and written as base64 straight into the request stream
/// (<see cref="Utf8JsonWriter.WriteBase64StringSegment"/>), so a 100 MB note never sits in
/// memory, whole or as one base64 string. The length is not known beforehand: it goes chunked.
/// </summary>
internal sealed class SifCreateDocumentContent(CaseDocumentDraft draft, string markerField) : HttpContent
{
    // A multiple of 3, so each chunk is whole base64 groups; 48 KB stays off the large-object heap.
    private const int ChunkBytes = 48 * 1024;
    private const int FlushBytes = 64 * 1024;

    public CaseDocumentDraft Draft { get; } = draft;

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartObject();
        writer.WriteStartObject("parameter");
        writer.WriteString("CaseNumber", Draft.CaseNumber);
        writer.WriteString("Title", Draft.Title);
        writer.WriteString("DocumentDate", Draft.DocumentDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        WriteIfSet(writer, "Notes", Draft.Description);
        WriteIfSet(writer, "Category", Draft.Category);
        WriteIfSet(writer, "Status", Draft.Status);
        WriteIfSet(writer, "AccessCode", Draft.AccessCode);

        writer.WriteStartArray("AdditionalFields");
        writer.WriteStartObject();
        writer.WriteString("Name", markerField);
        writer.WriteString("Value", Draft.Marker);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteStartArray("Files");
        writer.WriteStartObject();
        writer.WriteString("Title", Draft.FileTitle);
        writer.WriteString("Format", Draft.FileFormat);
        writer.WritePropertyName("Base64Data");
        await WriteFileAsync(writer, stream, cancellationToken);
        writer.WriteEndObject();
        writer.WriteEndArray();

        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private async Task WriteFileAsync(Utf8JsonWriter writer, Stream stream, CancellationToken ct)
    {
        await using var file = await Draft.OpenFile(ct);
        var buffer = new byte[ChunkBytes];
        long sent = 0;
        while (true)
        {
            var read = await file.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
            sent += read;
            var last = read < buffer.Length;

            // A short or long file is not the version recorded: the request is aborted before its
            // body is complete, so the case system registers nothing.
            if (last && sent != Draft.FileLength)
            {
                throw new InvalidDataException($"The file to register has {sent:N0} bytes where {Draft.FileLength:N0} were recorded; it is not sent.");
            }

            writer.WriteBase64StringSegment(buffer.AsSpan(0, read), isFinalSegment: last);
            if (writer.BytesPending >= FlushBytes || last) await writer.FlushAsync(ct);
            if (last) break;
        }
    }

    private static void WriteIfSet(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrWhiteSpace(value)) writer.WriteString(name, value);
    }
}
