using Integration.Core.Enterprises;

namespace Integration.Functions.Tests.Enterprises;

public class OrganisationNumberTests
{
    public class TheParseMethod
    {
        // Check digits computed here with the Luhn rule; 202100-5489 is Bolagsverket itself, a public body.
        [Theory]
        [InlineData("556016-0680", "5560160680")]
        [InlineData("5560160680", "5560160680")]
        [InlineData("202100-5489", "2021005489")]
        [InlineData("802002-8711", "8020028711")]
        [InlineData("529999-9994", "5299999994")]
        [InlineData("559000-0005", "5590000005")]
        public void ReadsTenDigitsWithOrWithoutTheHyphen(string value, string digits)
        {
            var number = OrganisationNumber.Parse(value);

            Assert.Equal(digits, number.Digits);
            Assert.Equal(digits[..6] + "-" + digits[6..], number.ToString());
        }

        [Theory]
        [InlineData("165560160680")]
        [InlineData("16556016-0680")]
        [InlineData("  556016-0680  ")]
        [InlineData("\t5560160680\n")]
        [InlineData("556016\u20130680")]
        [InlineData("556016\u20140680")]
        [InlineData("556016\u22120680")]
        public void NormalisesTheOtherFormsToNnnnnnDashNnnn(string value)
        {
            Assert.Equal("556016-0680", OrganisationNumber.Parse(value).ToString());
        }

        [Fact]
        public void EqualsByDigitsWhateverTheWrittenForm()
        {
            Assert.Equal(OrganisationNumber.Parse("165560160680"), OrganisationNumber.Parse("556016-0680"));
            Assert.True(OrganisationNumber.Parse("5560160680") == OrganisationNumber.Parse(" 556016-0680"));
            Assert.NotEqual(OrganisationNumber.Parse("556016-0680"), OrganisationNumber.Parse("202100-5489"));
            Assert.Equal(OrganisationNumber.Parse("556016-0680").GetHashCode(), OrganisationNumber.Parse("165560160680").GetHashCode());
        }

        [Fact]
        public void ThrowsAFormatExceptionWithTheReason()
        {
            var error = Assert.Throws<FormatException>(() => OrganisationNumber.Parse("556016-0681"));

            Assert.Equal("Not an organisation number: the check digit (the last digit) does not match the nine before it.", error.Message);
        }
    }

    public class TheTryParseMethod
    {
        [Theory]
        [InlineData("556016-0681", "the check digit (the last digit) does not match the nine before it")]
        [InlineData("556016-0860", "the check digit (the last digit) does not match the nine before it")]
        [InlineData("5560160690", "the check digit (the last digit) does not match the nine before it")]
        [InlineData("551016-0681", "its third digit is 1; a legal person's is at least 2 (a lower one makes it a personal identity number)")]
        [InlineData("170101-2393", "its third digit is 0; a legal person's is at least 2 (a lower one makes it a personal identity number)")]
        [InlineData("556016-068", "it has 9 digits; an organisation number has 10 (NNNNNN-NNNN), or 12 with the prefix 16")]
        [InlineData("55601606801", "it has 11 digits; an organisation number has 10 (NNNNNN-NNNN), or 12 with the prefix 16")]
        [InlineData("175560160680", "a 12-digit organisation number starts with 16")]
        [InlineData("201701012393", "it has 12 digits starting with a century, the form of a personal identity number; a 12-digit organisation number starts with 16")]
        [InlineData("556016-068O", "it may hold only digits, with a hyphen before the last four")]
        [InlineData("AB 556016-0680", "it may hold only digits, with a hyphen before the last four")]
        [InlineData("556 016 0680", "it may hold only digits, with a hyphen before the last four")]
        [InlineData("556016--0680", "it may hold only digits, with a hyphen before the last four")]
        [InlineData("55601-60680", "the hyphen belongs before the last four digits")]
        [InlineData("556016+0680", "it has a '+', which only a personal identity number has")]
        [InlineData("", "it is empty")]
        [InlineData("   ", "it is empty")]
        [InlineData(null, "it is empty")]
        public void RefusesWithAReason(string? value, string reason)
        {
            Assert.False(OrganisationNumber.TryParse(value, out var number, out var error));

            Assert.Null(number);
            Assert.Equal($"Not an organisation number: {reason}.", error);
        }

        [Theory]
        [InlineData("170101-2393")]
        [InlineData("201701012393")]
        [InlineData("121212-1212")]
        public void NeverQuotesTheValueItRefuses(string personalIdentityNumber)
        {
            Assert.False(OrganisationNumber.TryParse(personalIdentityNumber, out _, out var error));

            Assert.DoesNotContain(personalIdentityNumber[..6], error, StringComparison.Ordinal);
            Assert.DoesNotContain(personalIdentityNumber[^4..], error, StringComparison.Ordinal);
        }

        [Fact]
        public void AcceptsWhatItWrites()
        {
            Assert.True(OrganisationNumber.TryParse("16556016-0680", out var number, out var error));
            Assert.Null(error);
            Assert.True(OrganisationNumber.TryParse(number.ToString(), out var again, out _));
            Assert.Equal(number, again);
        }
    }
}
