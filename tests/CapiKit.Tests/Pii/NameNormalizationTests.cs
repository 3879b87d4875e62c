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
    [InlineData("fn", "Y7\u0301", "y")]                 // the accent belongs to the digit, and goes with it
    public void Names_are_lower_case_letters_with_accents_kept(string field, string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value(field, raw));

    [Theory]
    [InlineData("fn", "---")]
    [InlineData("ln", "123")]
    [InlineData("fn", "😀")]
    [InlineData("fn", "\u0301\u0308")]                  // combining marks with no base letter
    [InlineData("ln", "\u200D\uFE0F\u00AD")]           // zero-width joiner, variation selector, soft hyphen
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

    [Theory]
    [InlineData("ct", "Paris \u2764\uFE0F", "paris")]          // emoji with its variation selector
    [InlineData("fn", "Zo\u00EB\u200D\U0001F469\u200D\U0001F4BB", "zoë")]  // a ZWJ emoji sequence
    [InlineData("fn", "Jo\u00ADhn", "john")]                   // soft hyphen
    [InlineData("ln", "Ng\u200Buyen", "nguyen")]               // zero-width space
    [InlineData("fn", "\u202EAnna\u202C", "anna")]             // bidirectional controls
    [InlineData("fn", "\u0301Anna", "anna")]                   // a leading mark without a base
    [InlineData("fn", "Ann\U0001F44D\U0001F3FDa", "anna")]     // emoji with a skin-tone modifier
    public void Characters_that_are_not_letters_go_with_their_marks(string field, string raw, string expected) =>
        Assert.Equal(expected, Normalize.Value(field, raw));

    [Theory]
    [InlineData("Vale\u0301ry")]                               // decomposed, as macOS and many forms write it
    [InlineData("Val\u00E9ry")]
    [InlineData("VALE\u0301RY")]
    public void Decomposed_and_composed_names_hash_as_Metas_example(string raw) =>
        Assert.Equal("08e1996b5dd49e62a4b4c010d44e4345592a863bb9f8e3976219bac29417149c", CapiKit.Pii.PiiNormalizer.NormalizeAndHash("fn", raw));
}
