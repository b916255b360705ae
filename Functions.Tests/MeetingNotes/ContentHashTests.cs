using Integration.Core.MeetingNotes;
using Integration.Emulators.Graph;
using Integration.Functions.Tests.Emulators;

namespace Integration.Functions.Tests.MeetingNotes;

/// <summary>The quickXorHash the archive checks a download with, against the published vectors and the stand-in's own.</summary>
public class ContentHashTests
{
    public static TheoryData<string, string> KnownVectors => QuickXorHashTests.KnownVectors;

    [Theory]
    [MemberData(nameof(KnownVectors))]
    public void TheHashMatchesThePublishedVector(string input, string expected)
    {
        var hash = new ContentHash();
        hash.Append(Convert.FromBase64String(input));
        Assert.Equal(expected, hash.ToBase64());
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    [InlineData(159)]
    [InlineData(160)]
    [InlineData(4097)]
    public void AStreamedDownloadHashesAsTheStandInDoesWhateverItsChunks(int chunk)
    {
        var bytes = new byte[100_003];
        new Random(chunk).NextBytes(bytes);
        var hash = new ContentHash();

        for (var at = 0; at < bytes.Length; at += chunk) hash.Append(bytes.AsSpan(at, Math.Min(chunk, bytes.Length - at)));

        Assert.Equal(QuickXorHash.Base64Of(bytes), hash.ToBase64());
    }
}
