using Integration.Core.CaseSystem;

namespace Integration.Functions.Tests.CaseSystem;

public class DiaryNumberTests
{
    public class TheParseMethod
    {
        [Theory]
        [InlineData("AMN 2015-0340-01.02", "AMN", 2015, 340, "01.02")]
        [InlineData("AMN 2012-0167-2.9", "AMN", 2012, 167, "2.9")]
        [InlineData("AMN 2021-0112-1.4", "AMN", 2021, 112, "1.4")]
        [InlineData("AMN 2021-0112", "AMN", 2021, 112, null)]
        [InlineData("KS 2019-0001-1", "KS", 2019, 1, "1")]
        [InlineData("ÄLDRE 2020-0042-3.1.2", "ÄLDRE", 2020, 42, "3.1.2")]
        public void ReadsTheCityForm(string value, string prefix, int year, int serial, string? classification)
        {
            var number = DiaryNumber.Parse(value);

            Assert.Equal(prefix, number.Prefix);
            Assert.Equal(year, number.Year);
            Assert.Equal(serial, number.Serial);
            Assert.Equal(classification, number.Classification);
            Assert.Equal(value, number.ToString());
        }

        [Theory]
        [InlineData("  AMN 2015-0340-01.02  ", "AMN 2015-0340-01.02")]
        [InlineData("AMN   2015-0340-01.02", "AMN 2015-0340-01.02")]
        [InlineData("AMN\u00A02015-0340", "AMN 2015-0340")]
        [InlineData("AMN\t2015-0340", "AMN 2015-0340")]
        [InlineData("amn 2015-0340-01.02", "AMN 2015-0340-01.02")]
        [InlineData("Amn 2015-340-01.02", "AMN 2015-0340-01.02")]
        [InlineData("AMN 2015-7", "AMN 2015-0007")]
        [InlineData("AMN2015-0340", "AMN 2015-0340")]
        [InlineData("AMN 2015\u20130340\u201301.02", "AMN 2015-0340-01.02")]
        [InlineData("äldre 2020-42", "ÄLDRE 2020-0042")]
        public void NormalisesToTheCanonicalForm(string value, string canonical)
        {
            Assert.Equal(canonical, DiaryNumber.Parse(value).ToString());
        }

        [Fact]
        public void KeepsTheClassificationAsWritten()
        {
            Assert.Equal("01.02", DiaryNumber.Parse("AMN 2015-0340-01.02").Classification);
            Assert.Equal("1.2", DiaryNumber.Parse("AMN 2015-0340-1.2").Classification);
            Assert.NotEqual(DiaryNumber.Parse("AMN 2015-0340-01.02"), DiaryNumber.Parse("AMN 2015-0340-1.2"));
        }

        [Fact]
        public void ThrowsAFormatExceptionThatQuotesTheValue()
        {
            var error = Assert.Throws<FormatException>(() => DiaryNumber.Parse("AMN 15-340"));

            Assert.Equal("'AMN 15-340' is not a diary number: the year must have four digits.", error.Message);
        }
    }

    public class TheTryParseMethod
    {
        [Theory]
        [InlineData("AMN 15-340", "'AMN 15-340' is not a diary number: the year must have four digits.")]
        [InlineData("AMN 015-0340", "'AMN 015-0340' is not a diary number: the year must have four digits.")]
        [InlineData("AMN 20150-0340", "'AMN 20150-0340' is not a diary number: the year must have four digits.")]
        [InlineData("AMN 2015-03400", "'AMN 2015-03400' is not a diary number: the serial must have at most 4 digits.")]
        [InlineData("AMN 2015-0000", "'AMN 2015-0000' is not a diary number: the serial must not be 0.")]
        [InlineData("A 2015-0340", "'A 2015-0340' is not a diary number: the board prefix must be 2 to 5 letters.")]
        [InlineData("STADSLEDNING 2015-0340", "'STADSLEDNING 2015-0340' is not a diary number: the board prefix must be 2 to 5 letters.")]
        [InlineData("AMN 2015-0340-01,02", "'AMN 2015-0340-01,02' is not a diary number: the classification must be numbers separated by dots, such as 01.02.")]
        [InlineData("AMN 2015-0340-1.", "'AMN 2015-0340-1.' is not a diary number: the classification must be numbers separated by dots, such as 01.02.")]
        [InlineData("AMN 0340", "'AMN 0340' is not a diary number: expected the form AMN 2015-0340-01.02.")]
        [InlineData("2015-0340", "'2015-0340' is not a diary number: expected the form AMN 2015-0340-01.02.")]
        [InlineData("AMN-2015-0340", "'AMN-2015-0340' is not a diary number: expected the form AMN 2015-0340-01.02.")]
        [InlineData("AM1 2015-0340", "'AM1 2015-0340' is not a diary number: expected the form AMN 2015-0340-01.02.")]
        [InlineData("KS/2019/0001/0009", "'KS/2019/0001/0009' is not a diary number: expected the form AMN 2015-0340-01.02.")]
        [InlineData("", "'' is not a diary number: it is empty.")]
        [InlineData("   ", "'   ' is not a diary number: it is empty.")]
        public void RefusesWithAReasonThatQuotesTheValue(string value, string expected)
        {
            Assert.False(DiaryNumber.TryParse(value, out var number, out var error));
            Assert.Null(number);
            Assert.Equal(expected, error);
        }

        [Fact]
        public void RefusesNull()
        {
            Assert.False(DiaryNumber.TryParse(null, out _, out var error));
            Assert.Equal("'' is not a diary number: it is empty.", error);
        }

        [Fact]
        public void NeverCompletesATwoDigitYear()
        {
            Assert.False(DiaryNumber.TryParse("AMN 15-0340-01.02", out _, out _));
            Assert.False(DiaryNumber.TryParse("KS/19/0001", DiaryNumberFormat.Slashed, out _, out _));
        }

        [Fact]
        public void QuotesOnlyTheStartOfALongValue()
        {
            var value = "Protokoll från nätverksmötet den 12 mars om handlingsplanen för sociala företag";

            Assert.False(DiaryNumber.TryParse(value, out _, out var error));
            Assert.Equal("'Protokoll från nätverksmötet den 12 mars om handlingsplanen…' is not a diary number: expected the form AMN 2015-0340-01.02.", error);
        }

        [Fact]
        public void GivesTheNumberAndNoErrorWhenValid()
        {
            Assert.True(DiaryNumber.TryParse("AMN 2015-0340-01.02", out var number, out var error));
            Assert.Null(error);
            Assert.Equal("AMN 2015-0340-01.02", number.ToString());
            Assert.Same(DiaryNumberFormat.Default, number.Format);
        }
    }

    public class TheSlashedFormat
    {
        [Theory]
        [InlineData("KS/2019/0001/0009", "KS", 2019, 1, "0009")]
        [InlineData("KS/2019/0001", "KS", 2019, 1, null)]
        [InlineData("SBK/2023/1234/0100", "SBK", 2023, 1234, "0100")]
        public void ReadsTheSlashedForm(string value, string prefix, int year, int serial, string? classification)
        {
            var number = DiaryNumber.Parse(value, DiaryNumberFormat.Slashed);

            Assert.Equal(prefix, number.Prefix);
            Assert.Equal(year, number.Year);
            Assert.Equal(serial, number.Serial);
            Assert.Equal(classification, number.Classification);
            Assert.Equal(value, number.ToString());
        }

        [Theory]
        [InlineData(" ks/2019/1/0009 ", "KS/2019/0001/0009")]
        [InlineData("Ks/2019/12", "KS/2019/0012")]
        public void NormalisesTheSlashedForm(string value, string canonical)
        {
            Assert.Equal(canonical, DiaryNumber.Parse(value, DiaryNumberFormat.Slashed).ToString());
        }

        [Theory]
        [InlineData("KS/19/0001/0009", "'KS/19/0001/0009' is not a diary number: the year must have four digits.")]
        [InlineData("KS/2019/00001/0009", "'KS/2019/00001/0009' is not a diary number: the serial must have at most 4 digits.")]
        [InlineData("KS/2019/0001/9", "'KS/2019/0001/9' is not a diary number: the classification must be four digits, such as 0009.")]
        [InlineData("KS 2019-0001-0009", "'KS 2019-0001-0009' is not a diary number: expected the form KS/2019/0001/0009.")]
        public void RefusesWithAReason(string value, string expected)
        {
            Assert.False(DiaryNumber.TryParse(value, DiaryNumberFormat.Slashed, out _, out var error));
            Assert.Equal(expected, error);
        }
    }

    public class Equality
    {
        [Fact]
        public void IsByCanonicalForm()
        {
            var written = DiaryNumber.Parse("AMN 2015-0340-01.02");
            var typed = DiaryNumber.Parse(" amn  2015-340-01.02");

            Assert.Equal(written, typed);
            Assert.True(written == typed);
            Assert.False(written != typed);
            Assert.Equal(written.GetHashCode(), typed.GetHashCode());
            Assert.Single(new HashSet<DiaryNumber> { written, typed });
        }

        [Fact]
        public void TellsDifferentNumbersApart()
        {
            var number = DiaryNumber.Parse("AMN 2015-0340-01.02");

            Assert.NotEqual(number, DiaryNumber.Parse("AMN 2015-0340"));
            Assert.NotEqual(number, DiaryNumber.Parse("AMN 2016-0340-01.02"));
            Assert.NotEqual(number, DiaryNumber.Parse("KS 2015-0340-01.02"));
            Assert.False(number.Equals(null));
            Assert.False(number == null);
            Assert.True((DiaryNumber?)null == null);
        }

        [Fact]
        public void DiffersBetweenFamiliesThatWriteDifferently()
        {
            Assert.NotEqual(DiaryNumber.Parse("KS 2019-0001"), DiaryNumber.Parse("KS/2019/0001", DiaryNumberFormat.Slashed));
        }
    }

    public class RoundTrips
    {
        [Theory]
        [InlineData("amn 2015-340-01.02")]
        [InlineData("AMN 2012-0167-2.9")]
        [InlineData("  Amn 2021-112-1.4")]
        [InlineData("AMN 2021-0112")]
        public void ParsingTheCanonicalFormGivesTheSameNumber(string value)
        {
            var number = DiaryNumber.Parse(value);
            var again = DiaryNumber.Parse(number.ToString());

            Assert.Equal(number, again);
            Assert.Equal(number.ToString(), again.ToString());
        }

        [Theory]
        [InlineData("ks/2019/1/0009")]
        [InlineData("KS/2019/0001")]
        public void SoDoesTheSlashedForm(string value)
        {
            var number = DiaryNumber.Parse(value, DiaryNumberFormat.Slashed);

            Assert.Equal(number, DiaryNumber.Parse(number.ToString(), DiaryNumberFormat.Slashed));
        }
    }

    public class TheFormatConstructor
    {
        [Fact]
        public void TakesAFormOfItsOwn()
        {
            var format = new DiaryNumberFormat(
                @"^(?<prefix>\p{L}+)\.(?<year>\d+)\.(?<serial>\d+)$",
                "{prefix}.{year}.{serial}",
                "SDN.2020.00042",
                @"^$",
                "absent",
                serialDigits: 5);

            var number = DiaryNumber.Parse("sdn.2020.42", format);

            Assert.Equal("SDN.2020.00042", number.ToString());
            Assert.Null(number.Classification);
            Assert.False(format.HasClass);
        }

        [Fact]
        public void RefusesAPatternWithoutTheYearGroup()
        {
            var error = Assert.Throws<ArgumentException>(() => new DiaryNumberFormat(
                @"^(?<prefix>\p{L}+) (?<serial>\d+)$", "{prefix} {serial}", "AMN 0001", @"^\d+$", "numbers"));

            Assert.Contains("'year'", error.Message, StringComparison.Ordinal);
        }

        [Fact]
        public void RefusesACanonicalFormThatWouldDropTheClassification()
        {
            Assert.Throws<ArgumentException>(() => new DiaryNumberFormat(
                DiaryNumberFormat.Default.Pattern, "{prefix} {year}-{serial}", "AMN 2015-0340", @"^\d+$", "numbers"));
        }

        [Fact]
        public void RefusesAnExampleThatIsNotCanonical()
        {
            var error = Assert.Throws<ArgumentException>(() => new DiaryNumberFormat(
                DiaryNumberFormat.Default.Pattern, DiaryNumberFormat.Default.Canonical, "amn 2015-340", @"^\d+(\.\d+)*$", "numbers"));

            Assert.Contains("amn 2015-340", error.Message, StringComparison.Ordinal);
        }
    }
}
