using Integration.Core.Sync.State;

namespace Integration.Functions.Tests.Storage;

/// <summary>The digest's own format: what it says of an item, and that it survives a round trip.</summary>
public class SyncDigestTests
{
    [Fact]
    public void TellsAbsentSameDifferentAndDeletedApart()
    {
        var digest = new SyncDigest();
        digest.Stored("1", "hash-a");
        digest.Stored("2", "hash-b");
        digest.Deleted("2");

        Assert.Equal(DigestMatch.Same, digest.Match("1", "hash-a"));
        Assert.Equal(DigestMatch.Different, digest.Match("1", "hash-b"));
        Assert.Equal(DigestMatch.Deleted, digest.Match("2", "hash-b"));
        Assert.Equal(DigestMatch.Absent, digest.Match("3", "hash-a"));
        Assert.Equal(["1"], digest.LiveIds);
    }

    [Fact]
    public void SurvivesARoundTripWithIdsInAnyScript()
    {
        var digest = new SyncDigest();
        for (var i = 0; i < 1000; i++) digest.Stored(i.ToString(System.Globalization.CultureInfo.InvariantCulture), $"h{i}");
        digest.Stored("01J-å-ä-ö-معلومات-🌱", "emoji");
        digest.Deleted("7");

        var copy = SyncDigest.FromBinary(digest.ToBinary());

        Assert.Equal(digest.Count, copy.Count);
        Assert.Equal(DigestMatch.Same, copy.Match("999", "h999"));
        Assert.Equal(DigestMatch.Different, copy.Match("998", "h999"));
        Assert.Equal(DigestMatch.Same, copy.Match("01J-å-ä-ö-معلومات-🌱", "emoji"));
        Assert.Equal(DigestMatch.Deleted, copy.Match("7", "h7"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a digest at all")]
    public void RefusesBytesItDidNotWrite(string text) =>
        Assert.Throws<InvalidDataException>(() => SyncDigest.FromBinary(BinaryData.FromString(text)));

    [Fact]
    public void RefusesADigestCutShort()
    {
        var digest = new SyncDigest();
        digest.Stored("1", "a");
        var bytes = digest.ToBinary().ToArray();

        Assert.Throws<InvalidDataException>(() => SyncDigest.FromBinary(new BinaryData(bytes.AsMemory(0, bytes.Length - 3))));
    }
}
