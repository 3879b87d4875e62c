using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class DateOfBirthNormalizationTests
{
    [Theory]
    [InlineData("2/16/1997", "19970216")]
    [InlineData("02/16/1997", "19970216")]
    [InlineData("16/02/1997", "19970216")]
    [InlineData("16.02.1997", "19970216")]
    [InlineData("1997-02-16", "19970216")]
    [InlineData("1997/2/16", "19970216")]
    [InlineData("19970216", "19970216")]
    [InlineData("02161997", "19970216")]
    [InlineData("Feb 16, 1997", "19970216")]
    [InlineData("February 16th 1997", "19970216")]
    [InlineData("16 February 1997", "19970216")]
    [InlineData("Sunday, 16th of Feb 1997", "19970216")]
    [InlineData("1997-02-16T00:00:00Z", "19970216")]
    [InlineData("1997-02-16 10:30:00", "19970216")]
    [InlineData("3/4/1990", "19900304")]
    [InlineData("29/02/2000", "20000229")]
    [InlineData("1/1/1900", "19000101")]
    public void Common_forms_become_YYYYMMDD(string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value("db", raw));

    [Fact]
    public void Ambiguous_numeric_dates_follow_the_callers_date_order()
    {
        Assert.Equal("19900304", Normalize.Value("db", "03/04/1990", order: DateOrder.MonthFirst));
        Assert.Equal("19900403", Normalize.Value("db", "03/04/1990", order: DateOrder.DayFirst));
        Assert.Equal("19970216", Normalize.Value("db", "2/16/1997", order: DateOrder.DayFirst));
    }

    [Theory]
    [InlineData("2/30/1997")]
    [InlineData("29/02/1999")]
    [InlineData("13/13/1997")]
    [InlineData("1899-12-31")]
    [InlineData("2027-01-01")]
    [InlineData("11/27/2026")]
    [InlineData("00/10/1990")]
    public void Impossible_or_future_dates_are_rejected(string raw) =>
        Assert.Equal(NormalizationFailure.Unrecognized, Normalize.Failure("db", raw));

    [Theory]
    [InlineData("2/16/97")]
    [InlineData("16 Feb 97")]
    [InlineData("1997")]
    [InlineData("1997-02")]
    [InlineData("1/2/3/4")]
    [InlineData("Smarch 16 1997")]
    public void Ambiguous_or_incomplete_dates_are_rejected(string raw) =>
        Assert.Equal(NormalizationFailure.InvalidFormat, Normalize.Failure("db", raw));

    [Fact]
    public void Today_is_a_possible_birth_date() =>
        Assert.Equal("20261126", Normalize.Value("db", "2026-11-26"));

    [Theory]
    [InlineData("dobd", "7", "07")]
    [InlineData("dobd", "31", "31")]
    [InlineData("dobm", "2", "02")]
    [InlineData("dobm", "February", "02")]
    [InlineData("dobm", "sept", "09")]
    [InlineData("doby", "1997", "1997")]
    public void Birth_parts_are_zero_padded(string field, string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value(field, raw));

    [Theory]
    [InlineData("dobd", "32")]
    [InlineData("dobm", "13")]
    [InlineData("dobd", "0")]
    [InlineData("dobm", "00")]
    [InlineData("doby", "1899")]
    [InlineData("doby", "2999")]
    public void Birth_parts_out_of_range_are_rejected(string field, string raw) =>
        Assert.Equal(NormalizationFailure.Unrecognized, Normalize.Failure(field, raw));

    [Theory]
    [InlineData("dobd", "-1")]
    [InlineData("dobd", "+5")]
    [InlineData("dobm", "-12")]
    [InlineData("dobd", "1st")]
    [InlineData("dobd", "007")]
    [InlineData("dobm", "1 2")]
    [InlineData("doby", "97")]
    [InlineData("doby", "1997.5")]
    [InlineData("dobm", "Febx")]
    public void Signed_and_non_digit_birth_parts_are_rejected(string field, string raw) =>
        Assert.NotNull(Normalize.Failure(field, raw));
}
