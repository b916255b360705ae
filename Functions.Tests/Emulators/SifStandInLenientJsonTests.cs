using System.Text.Json;
using Integration.Emulators.CaseSystem;
using Integration.Functions.Tests.Harness;

namespace Integration.Functions.Tests.Emulators;

/// <summary>The reader for the loose JSON SIF accepts, as the vendor's own examples are written.</summary>
public class SifStandInLenientJsonTests
{
    [Theory]
    [InlineData("""{"a":1}""", """{"a":1}""")]
    [InlineData("{parameter:{Title:\"x\"}}", """{"parameter":{"Title":"x"}}""")]
    [InlineData("{ $ref : 1, _x2: true, Budgetår: null }", """{"$ref":1,"_x2":true,"Budget\u00E5r":null}""")]
    [InlineData("{a:1,}", """{"a":1}""")]
    [InlineData("[1,2,]", "[1,2]")]
    [InlineData("{a:[{b:1,},],}", """{"a":[{"b":1}]}""")]
    [InlineData("// leading\n{a: /* inside */ 1} // trailing", """{"a":1}""")]
    [InlineData("/* a\n multi-line\n comment */ {a:1}", """{"a":1}""")]
    [InlineData("{a:'single \"quoted\" \\'text\\''}", """{"a":"single \u0022quoted\u0022 'text'"}""")]
    [InlineData("{FileData:[0000]}", """{"FileData":[0]}""")]
    [InlineData("{n:[010, -07, 0, 10, 1.5, -2e3]}", """{"n":[8,-7,0,10,1.5,-2e3]}""")]
    [InlineData("{s:\"keeps // and /* */ inside strings\"}", """{"s":"keeps // and /* */ inside strings"}""")]
    [InlineData("{s:\"escaped \\\" quote\"}", """{"s":"escaped \" quote"}""")]
    public void Rewrites_lenient_json_as_strict_json(string lenient, string strict)
    {
        var rewritten = LenientJson.ToStrictJson(lenient);

        using var expected = JsonDocument.Parse(strict);
        using var actual = JsonDocument.Parse(rewritten);
        Assert.True(JsonElement.DeepEquals(expected.RootElement, actual.RootElement), rewritten);
    }

    [Theory]
    [InlineData("{a: hello}", "line 1, column 5: 'hello' is neither a property name, a number, true, false nor null")]
    [InlineData("{a: 09}", "'09' is neither")]
    [InlineData("{a: \"open}", "the string is not closed")]
    [InlineData("{a: 1 /* open", "the comment is not closed")]
    [InlineData("{\n  a: 1,\n  b: ?\n}", "line 3, column 6: '?' is not expected here")]
    public void Refuses_what_is_not_json_even_leniently(string text, string reason)
    {
        var error = Assert.Throws<JsonException>(() => LenientJson.ToStrictJson(text));

        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parses_strict_json_without_rewriting_and_lenient_json_after()
    {
        using var strict = LenientJson.Parse("""{"parameter":{"Title":"x"}}""");
        using var lenient = LenientJson.Parse("\uFEFF{parameter:{Title:'x',},}");

        Assert.True(JsonElement.DeepEquals(strict.RootElement, lenient.RootElement));
    }

    /// <summary>Reads the vendor's reference files; skipped, saying why, where they are not beside the clone.</summary>
    [SkippableFact]
    public void Reads_every_body_in_the_vendors_collection()
    {
        using var collection = LenientJson.Parse(File.ReadAllText(ReferenceFiles.PathOf(ReferenceFiles.Sif, "sif-rpc-postman-examples.postman_collection.json")));

        var bodies = collection.RootElement.GetProperty("item").EnumerateArray()
            .Select(i => i.GetProperty("request").GetProperty("body").GetProperty("raw").GetString()!)
            .ToList();

        Assert.Equal(13, bodies.Count);
        Assert.All(bodies, body =>
        {
            using var parsed = LenientJson.Parse(body);
            Assert.Equal(JsonValueKind.Object, parsed.RootElement.GetProperty("parameter").ValueKind);
        });
    }
}
