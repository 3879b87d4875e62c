using System.Globalization;
using System.Text;
using CapiKit.Pii.Text;

namespace CapiKit.Tests.Pii.Text;

/// <summary>CapiKit's full lower-case mapping: Unicode's SpecialCasing and Final_Sigma, as JavaScript applies them.</summary>
public sealed class UnicodeCasingTests
{
    [Theory]
    [InlineData("JOHN", "john")]
    [InlineData("\u0130STANBUL", "i\u0307stanbul")]     // İ: full mapping, as JavaScript
    [InlineData("I\u0131", "i\u0131")]                   // dotless ı is already lower case
    [InlineData("STRASSE \u1E9E", "strasse \u00DF")]     // capital sharp s
    [InlineData("Stra\u00DFe", "stra\u00DFe")]
    [InlineData("\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3", "\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C2")]  // ΟΔΥΣΣΕΥΣ
    [InlineData("\u03A3", "\u03C3")]                     // a lone sigma is not final
    [InlineData("A\u03A3.", "a\u03C2.")]                 // final before punctuation
    [InlineData("A\u03A3'B", "a\u03C3'b")]               // an apostrophe is case-ignorable: not final
    [InlineData("\u01C5", "\u01C6")]                     // title-case digraph
    [InlineData("\uFF21\uD801\uDC00", "\uFF41\uD801\uDC28")]  // full-width A, Deseret (outside the BMP)
    public void Lower_cases_as_Unicode_full_mapping(string input, string expected) =>
        Assert.Equal(expected, UnicodeCasing.ToLower(input));

    [Fact]
    public void Agrees_with_the_simple_mapping_of_dotnet_for_every_code_point_both_know()
    {
        // .NET's invariant casing is ICU-free since .NET 8 and uses the simple mapping; CapiKit differs only where
        // SpecialCasing or Final_Sigma apply, or where .NET's Unicode version is newer than the tables'.
        List<string> differences = [];
        for (int codePoint = 0; codePoint <= 0x10FFFF; codePoint++)
        {
            if (codePoint is >= 0xD800 and <= 0xDFFF or 0x0130 or 0x03A3)
            {
                continue;
            }

            string text = char.ConvertFromUtf32(codePoint);
            string ours = UnicodeCasing.ToLower(text);
            string theirs = text.ToLowerInvariant();
            if (ours != theirs && CharUnicodeInfo.GetUnicodeCategory(codePoint) != UnicodeCategory.OtherNotAssigned
                && ours != text)
            {
                differences.Add(codePoint.ToString("X4", CultureInfo.InvariantCulture));
            }
        }

        Assert.True(differences.Count == 0, $"{differences.Count}: {string.Join(", ", differences.Take(20))}");
    }

    [Fact]
    public void Ascii_text_is_returned_as_is_when_already_lower_case()
    {
        string text = new StringBuilder("john.smith@example.com").ToString();
        Assert.Same(text, UnicodeCasing.ToLower(text));
    }
}
