using CapiKit.Pii;

namespace CapiKit.Tests.Pii;

public sealed class NameNormalizationTests
{
    [Theory]
    [InlineData("fn", "Mary", "mary")]
    [InlineData("fn", "  MARY-ANN ", "maryann")]
    [InlineData("fn", "Mary Ann", "maryann")]
    [InlineData("ln", "O'Brien-Smith", "obriensmith")]
    [InlineData("ln", "St. John", "stjohn")]
    [InlineData("fn", "Valéry", "valéry")]
    [InlineData("fn", "Vale\u0301ry", "valéry")]
    [InlineData("fn", "VALÉRY", "valéry")]
    [InlineData("ln", "Müller", "müller")]
    [InlineData("fn", "정", "정")]
    [InlineData("ln", "Ψάλτης", "ψάλτης")]
    [InlineData("ln", "Иванов", "иванов")]
    [InlineData("fn", "José María", "josémaría")]
    [InlineData("fn", "John 3rd", "johnrd")]
    [InlineData("ln", "محمد", "محمد")]
    [InlineData("fn", "İsmail", "i\u0307smail")]
    [InlineData("ln", "ΠΑΠΑΔΟΠΟΥΛΟΣ", "παπαδοπουλος")]
    [InlineData("fn", "Y7\u0301", "ý")]
    public void Names_are_lower_case_letters_with_accents_kept(string field, string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value(field, raw));

    [Theory]
    [InlineData("fn", "---")]
    [InlineData("ln", "123")]
    [InlineData("fn", "😀")]
    public void Names_without_letters_are_rejected(string field, string raw) =>
        Assert.Equal(NormalizationFailure.Empty, Normalize.Failure(field, raw));

    [Theory]
    [InlineData("f5first", "Christopher", "chris")]
    [InlineData("f5first", "Al", "al")]
    [InlineData("f5last", "O'Sullivan", "osull")]
    [InlineData("f5last", "Vale\u0301ry-Radot", "valér")]
    [InlineData("fi", "Mary", "m")]
    [InlineData("fi", "Élodie", "é")]
    public void Name_prefix_keys_take_the_first_letters_of_the_normalized_name(string field, string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value(field, raw));
}
