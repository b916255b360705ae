using System.Text.Json;
using Integration.Core.Enterprises;

namespace Integration.Functions.Tests.Enterprises;

/// <summary>
/// Test numbers only: 201701012393 is from Skatteverket's published series of test personal identity
/// numbers; the rest are built here with birth numbers from 980 up and a computed Luhn check digit.
/// </summary>
public class PersonalIdentityNumberTests
{
    private static readonly DateOnly Today = new(2026, 11, 27);

    public class TheTryParseMethod
    {
        [Theory]
        [InlineData("170101-2393")]
        [InlineData("1701012393")]
        [InlineData("201701012393")]
        [InlineData("20170101-2393")]
        [InlineData(" 170101\u20132393 ")]
        public void ReadsTheTenAndTwelveDigitForms(string value)
        {
            Assert.True(PersonalIdentityNumber.TryParse(value, Today, out var number, out var error), error);

            Assert.Equal(new DateOnly(2017, 1, 1), number.BirthDate);
            Assert.False(number.IsCoordinationNumber);
            Assert.Equal("201701012393", number.RevealDigits());
        }

        [Fact]
        public void PlacesATenDigitNumberInTheLatestCenturyUpToToday()
        {
            Assert.Equal(new DateOnly(2012, 1, 1), PersonalIdentityNumber.Parse("120101-9989", Today).BirthDate);
            Assert.Equal(new DateOnly(1985, 7, 9), PersonalIdentityNumber.Parse("850709-9805", Today).BirthDate);

            // Born on 31 December of a year ending in 19: not yet in 2019's future on 27 November 2026, so 2019.
            Assert.Equal(new DateOnly(2019, 12, 31), PersonalIdentityNumber.Parse("191231-9983", Today).BirthDate);
            // Read on 30 December 2019, the same digits were someone born in 1919.
            Assert.Equal(new DateOnly(1919, 12, 31), PersonalIdentityNumber.Parse("191231-9983", new DateOnly(2019, 12, 30)).BirthDate);
        }

        [Fact]
        public void APlusMarksAPersonOfAHundredOrMore()
        {
            var centenarian = PersonalIdentityNumber.Parse("191231+9983", Today);

            Assert.Equal(new DateOnly(1919, 12, 31), centenarian.BirthDate);
            Assert.Equal("191912319983", centenarian.RevealDigits());
            Assert.Equal(centenarian, PersonalIdentityNumber.Parse("191912319983", Today));
            Assert.NotEqual(centenarian, PersonalIdentityNumber.Parse("191231-9983", Today));
        }

        [Theory]
        [InlineData("701063-9800", 1970, 10, 3, "701063-****")]
        [InlineData("990761-9812", 1999, 7, 1, "990761-****")]
        [InlineData("19990761-9812", 1999, 7, 1, "990761-****")]
        public void ReadsACoordinationNumberWithSixtyAddedToTheDay(string value, int year, int month, int day, string masked)
        {
            var number = PersonalIdentityNumber.Parse(value, Today);

            Assert.True(number.IsCoordinationNumber);
            Assert.Equal(new DateOnly(year, month, day), number.BirthDate);
            Assert.Equal(masked, number.Masked);
        }

        [Fact]
        public void KnowsLeapDaysPerCentury()
        {
            Assert.Equal(new DateOnly(2000, 2, 29), PersonalIdentityNumber.Parse("000229-9808", Today).BirthDate);

            Assert.False(PersonalIdentityNumber.TryParse("000229+9808", Today, out _, out var error));
            Assert.Equal("Not a personal identity number: 1900-02 has no day 29.", error);
            Assert.False(PersonalIdentityNumber.TryParse("010229-9807", Today, out _, out error));
            Assert.Equal("Not a personal identity number: 2001-02 has no day 29.", error);
        }

        [Theory]
        [InlineData("170101-2394", "the check digit (the last digit) does not match the nine before it")]
        [InlineData("170101-2339", "the check digit (the last digit) does not match the nine before it")]
        [InlineData("556016-0680", "its month is 60; with a third digit of 2 or more it is an organisation number")]
        [InlineData("171301-2393", "its month is 13, which is not a month")]
        [InlineData("170100-2393", "its day is 00, which is neither a day of the month nor one plus 60 (a coordination number)")]
        [InlineData("170132-2393", "its day is 32, which is neither a day of the month nor one plus 60 (a coordination number)")]
        [InlineData("170192-2393", "its day is 92, which is neither a day of the month nor one plus 60 (a coordination number)")]
        [InlineData("17010-12393", "the hyphen belongs before the last four digits")]
        [InlineData("170101-239", "it has 9 digits; a personal identity number has 10 (YYMMDD-NNNN) or 12 (YYYYMMDDNNNN)")]
        [InlineData("2017010123931", "it has 13 digits; a personal identity number has 10 (YYMMDD-NNNN) or 12 (YYYYMMDDNNNN)")]
        [InlineData("20170101+2393", "a '+' belongs only to the 10-digit form, where it marks a person of 100 or more")]
        [InlineData("170101-23X3", "it may hold only digits, with a hyphen before the last four")]
        [InlineData("161701012393", "its century must be 18, 19 or 20")]
        [InlineData("20261231-9984", "its birth date is after today")]
        [InlineData("", "it is empty")]
        [InlineData(null, "it is empty")]
        public void RefusesWithAReason(string? value, string reason)
        {
            Assert.False(PersonalIdentityNumber.TryParse(value, Today, out var number, out var error));

            Assert.Null(number);
            Assert.Equal($"Not a personal identity number: {reason}.", error);
        }

        [Fact]
        public void ThrowsAFormatExceptionFromParse()
        {
            var error = Assert.Throws<FormatException>(() => PersonalIdentityNumber.Parse("170101-2394", Today));

            Assert.DoesNotContain("2394", error.Message, StringComparison.Ordinal);
        }
    }

    public class TheMaskedForm
    {
        [Theory]
        [InlineData("201701012393", "170101-****")]
        [InlineData("191231+9983", "191231-****")]
        [InlineData("701063-9800", "701063-****")]
        public void IsTheOnlyStringForm(string value, string masked)
        {
            var number = PersonalIdentityNumber.Parse(value, Today);

            Assert.Equal(masked, number.Masked);
            Assert.Equal(masked, number.ToString());
            Assert.Equal(masked, $"{number}");
            Assert.Equal($"holder {masked}", string.Format(System.Globalization.CultureInfo.InvariantCulture, "holder {0}", number));
        }

        [Fact]
        public void IsWhatASerialiserWrites()
        {
            var json = JsonSerializer.Serialize(PersonalIdentityNumber.Parse("201701012393", Today));

            Assert.DoesNotContain("2393", json, StringComparison.Ordinal);
            Assert.Contains("170101-****", json, StringComparison.Ordinal);
        }
    }
}
