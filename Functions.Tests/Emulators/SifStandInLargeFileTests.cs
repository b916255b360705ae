using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Integration.Functions.Tests.Emulators;

/// <summary>Runs alone, so the process's allocation count during a call is the call's own.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SifStandInLargeFiles
{
    public const string Name = "SIF stand-in, large files";
}

[Collection(SifStandInLargeFiles.Name)]
public class SifStandInLargeFileTests : SifStandInTest
{
    private const string NetworkCase = "AMN 2021-0112-1.4";
    private const int Megabyte = 1024 * 1024;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        StandIn.AddCase(NetworkCase, "Nätverket");
    }

    [Fact]
    public async Task A_20_MB_file_is_taken_and_hashed_without_a_second_copy()
    {
        var file = new byte[20 * Megabyte];
        new Random(20).NextBytes(file);
        var body = Body(file);
        // A first call takes what starting up costs (code, pools) out of the measurement.
        await PostAsync(Body(new byte[100]));

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var answer = await PostAsync(body);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

        answer.AssertSuccessful();
        var stored = StandIn.Documents[^1].Files.Single();
        Assert.Equal(file.Length, stored.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), stored.Sha256);
        // The body is read once (28 MB). Decoding the file would add 20 MB, a string of it 56 MB,
        // and indexing the whole body as a JsonDocument another 28 MB.
        Assert.True(allocated < body.Length + (8 * Megabyte), $"{allocated / Megabyte} MB allocated for a {body.Length / Megabyte} MB body");
    }

    [Fact]
    public async Task A_large_file_with_json_escapes_in_its_base64_is_hashed_right()
    {
        var file = new byte[3 * Megabyte];
        new Random(3).NextBytes(file);
        // System.Text.Json writes + as \u002B, so the large value arrives escaped.
        var body = JsonSerializer.Serialize(new { parameter = new { CaseNumber = NetworkCase, Title = "Stor", Files = new[] { new { Title = "Stor", Format = "pdf", Base64Data = Convert.ToBase64String(file) } } } });
        Assert.Contains("\\u002B", body, StringComparison.Ordinal);

        var answer = await SendAsync("DocumentService", "CreateDocument", body);

        answer.AssertSuccessful();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(file)), StandIn.Documents.Single().Files.Single().Sha256);
    }

    private static byte[] Body(byte[] file)
    {
        var prefix = Encoding.UTF8.GetBytes(
            "{\"parameter\":{\"CaseNumber\":\"" + NetworkCase + "\",\"Title\":\"Stor fil\",\"Files\":[{\"Title\":\"Stor fil\",\"Format\":\"pdf\",\"Base64Data\":\"");
        var suffix = "\"}]}}"u8;
        var body = new byte[prefix.Length + Base64.GetMaxEncodedToUtf8Length(file.Length) + suffix.Length];
        prefix.CopyTo(body, 0);
        Base64.EncodeToUtf8(file, body.AsSpan(prefix.Length), out _, out var written);
        suffix.CopyTo(body.AsSpan(prefix.Length + written));
        return body[..(prefix.Length + written + suffix.Length)];
    }

    private async Task<SifAnswer> PostAsync(byte[] body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, StandIn.OperationUrl("DocumentService", "CreateDocument"))
        {
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        request.Headers.TryAddWithoutValidation("Authorization", "authkey " + Key);
        using var response = await Http.SendAsync(request);
        return await SifAnswer.ReadAsync(response);
    }
}
