using Integration.Core.Privacy;

namespace Integration.Functions.Tests.Privacy;

/// <summary>How a reason quotes a value, and what of it a log line keeps.</summary>
public class PersonalDataTests
{
    /// <summary>A fictional sole trader's number (1981-12-18) in the forms people type and paste.</summary>
    public static TheoryData<string> PersonalForms =>
    [
        "811218-9876",
        "8112189876",
        "811218+9876",
        "811218 9876",
        "811218\u20139876",
        "19811218-9876",
        "198112189876",
        "19811218 9876",
        // A wrong check digit: a typo of a real number is still one.
        "811218-9875",
        // A coordination number (samordningsnummer): the day plus 60.
        "811278-9873",
        // A sole trader's VAT number: SE, the ten digits, 01.
        "SE811218987601",
        "se811218987601",
        "SE 8112189876 01",
        "Moms: SE811218987601.",
    ];

    /// <summary>Organisation numbers (third digit 2 or more), in the same forms: not personal data.</summary>
    public static TheoryData<string, string> OrganisationForms => new()
    {
        { "559900-0014", "559900-0014" },
        { "5599000014", "5599000014" },
        { "16559900-0014", "16559900-0014" },
        { "SE559900001401", "559900001401" },
        { "556016 0680", "556016 0680" },
    };

    public class TheQuoteMethod
    {
        [Theory]
        [MemberData(nameof(PersonalForms), MemberType = typeof(PersonalDataTests))]
        public void MasksAPersonalIdentityNumberInAnyForm(string value)
        {
            var quoted = PersonalData.Quote("Kontakt " + value);

            Assert.Contains("-****", quoted, StringComparison.Ordinal);
            Assert.DoesNotContain("9876", quoted, StringComparison.Ordinal);
            Assert.DoesNotContain("9875", quoted, StringComparison.Ordinal);
            Assert.DoesNotContain("9873", quoted, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(OrganisationForms), MemberType = typeof(PersonalDataTests))]
        public void LeavesAnOrganisationNumberReadable(string value, string kept)
        {
            Assert.Contains(kept, PersonalData.Quote(value), StringComparison.Ordinal);
        }

        [Fact]
        public void KeepsTheBirthDateForTheNetworkToFindTheItem()
        {
            Assert.Equal("'Firma 811218-****'", PersonalData.Quote("Firma 811218-9876"));
            Assert.Equal("'SE811218-****01'", PersonalData.Quote("SE811218987601"));
        }

        [Fact]
        public void LeavesOtherNumbersAlone()
        {
            // A month over 12 or a day that is neither a day nor a day plus 60.
            Assert.Equal("'811318-9876 811240-9876 5000000'", PersonalData.Quote("811318-9876 811240-9876 5000000"));
        }
    }

    public class TheRedactQuotedMethod
    {
        [Theory]
        [InlineData("Organisation number 811218-**** is a personal identity number (a sole trader's); these are taken in only with Enterprises__AllowPersonalIdentityNumbers=true.")]
        [InlineData("Duplicate: items 3, 7 all have the number 811218-****. None of them is taken in until all but one are corrected or deleted.")]
        [InlineData("Name holds 19811218-9876 and SE811218987601.")]
        public void LeavesOutEveryPersonalIdentityNumberEvenMasked(string reason)
        {
            var logged = PersonalData.RedactQuoted(reason);

            Assert.DoesNotContain("811218", logged, StringComparison.Ordinal);
            Assert.DoesNotContain("9876", logged, StringComparison.Ordinal);
        }

        [Fact]
        public void KeepsAnOrganisationNumberAndReplacesTheQuotedValue()
        {
            var logged = PersonalData.RedactQuoted("Duplicate: items 3, 7 all have the number 559900-0014. Sector 'Karin Berg' is not an SNI code.");

            Assert.Equal("Duplicate: items 3, 7 all have the number 559900-0014. Sector '…' is not an SNI code.", logged);
        }
    }
}
