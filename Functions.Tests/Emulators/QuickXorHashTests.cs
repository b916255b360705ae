using Integration.Emulators.Graph;

namespace Integration.Functions.Tests.Emulators;

public class QuickXorHashTests
{
    // 333 bytes: the register wraps twice.
    private const string LongInput =
        "w0LGhqU1WXFbdavqDE4kAjEzWLGGzmTNikzqnsiXHx2KRReKVTxkv27u3UcEz9+lbMvYl4xFf2Z4aE1xRBBNd1Ke5C0zToSaYw5o4B/7X99nKK2/XaUX1byLow2aju2XJl2OpKpJg+tSJ2fmjIJTkfuYUz574dFX6/VXxSxwGH/xQEAKS5TCsBK3CwnuG1p5SAsQq3gGVozDWyjEBcWDMdy8/AIFrj/y03Lfc/RNRCQTAfZbnf2QwV7sluw4fH3XJr07UoD0YqN+7XZzidtrwqMY26fpLZnyZjnBEt1FAZWO7RnKG5asg8xRk9YaDdedXdQSJAOy6bWEWlABj+tVAigBxavaluUH8LOj+yfCFldJjNLdi90fVHkUD/m4Mr5OtmupNMXPwuG3EQlqWUVpQoYpUYKLsk7a5Mvg6UFkiH596y5IbJEVCI1Kb3D1";

    private const string LongHash = "e3+wo77iKcILiZegnzyUNcjCdoQ=";

    // Inputs and hashes (both base64) published with a widely used OneDrive client's implementation; they
    // cover inputs shorter than, equal to and longer than the 160-byte cycle where the register wraps.
    public static TheoryData<string, string> KnownVectors => new()
    {
        { "", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=" },
        { "Sg==", "SgAAAAAAAAAAAAAAAQAAAAAAAAA=" },
        { "tbQ=", "taAFAAAAAAAAAAAAAgAAAAAAAAA=" },
        { "2fuxhBJXtpWFe8dOfdGeHw==", "O9tHLAghgSvYohKFyMMxnNCHaHg=" },
        {
            "Mb7EGva2rEE5fENDL85P+BsapHEEjv2/siVhKjvAQe02feExVOQSkfmuYzU/kTF1MaKjPmKF/w+cbvwfdWL8aQ==",
            "n1anP5NfvD4XDYWIeRPW3ZkPv1Y="
        },
        {
            "PfxMcUd0vIW6VbHG/uj/Y0W6qEoKmyBD0nYebEKazKaKG+UaDqBEcmQjbfQeVnVLuodMoPp7P7TR1htX5n2VnkHh22xDyoJ8C/ZQKiSNqQfXvh83judf4RVr9exJCud8Uvgip6aVZTaPrJHVjQhMCp/dEnGvqg0oN5OVkM2qqAXvA0teKUDhgNM71sDBVBCGXxNOR2bpbD1iM4dnuT0ey4L+loXEHTL0fqMeUcEi2asgImnlNakwenDzz0x57aBwyq3AspCFGB1ncX4yYCr/OaCcS5OKi/00WH+wNQU3",
            "QX/YEpG0gDsmhEpCdWhsxDzsfVE="
        },
        { LongInput, LongHash },
    };

    [Theory]
    [MemberData(nameof(KnownVectors))]
    public void Hash_matches_the_published_vector(string input, string expected)
    {
        Assert.Equal(expected, QuickXorHash.Base64Of(Convert.FromBase64String(input)));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(161)]
    public void Hash_is_the_same_when_the_input_arrives_in_blocks(int blockSize)
    {
        var input = Convert.FromBase64String(LongInput);
        using var hash = new QuickXorHash();

        for (var offset = 0; offset < input.Length; offset += blockSize)
        {
            hash.TransformBlock(input, offset, Math.Min(blockSize, input.Length - offset), null, 0);
        }

        hash.TransformFinalBlock([], 0, 0);
        Assert.Equal(LongHash, Convert.ToBase64String(hash.Hash!));
        Assert.Equal(160, hash.HashSize);
    }
}
