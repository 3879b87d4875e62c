using System.Text;
using CapiKit.Pii;
using CapiKit.Tests.Conformance;

namespace CapiKit.Tests.Pii;

/// <summary>
/// The allocation-free ASCII path must give exactly the bytes of the full rules whenever it answers at all:
/// checked on every input of the conformance suite and on random ASCII text built to hit each rule's edges.
/// </summary>
public sealed class AsciiFastPathTests
{
    private static readonly string[] Fields = ["em", "fn", "ln", "ct", "st", "zp", "country", "external_id", "ph", "db", "ge", "f5first", "fi"];

    private static readonly NormalizationOptions[] Options = [NormalizationOptions.Default, new() { DefaultRegion = "US" }];

    [Theory]
    [InlineData("em", "  Mary.Smith123@Example.COM ", "mary.smith123@example.com")]
    [InlineData("fn", "Mary-Jane", "maryjane")]
    [InlineData("ln", "O'Neil", "oneil")]
    [InlineData("ct", "New York", "newyork")]
    [InlineData("st", "CA", "ca")]
    [InlineData("st", "New York", "ny")]
    [InlineData("st", "Bavaria", "bavaria")]
    [InlineData("zp", "94035-1234", "94035")]
    [InlineData("zp", "M1 1AE", "m11ae")]
    [InlineData("country", "US", "us")]
    [InlineData("country", "United States", "us")]
    [InlineData("external_id", "Cust 42", "cust42")]
    [InlineData("ph", "+1 (650) 555-1212", "16505551212")]
    public void Common_values_take_the_fast_path(string field, string value, string expected)
    {
        Span<byte> buffer = stackalloc byte[value.Length + 8];
        int length = PiiNormalizer.TryNormalizeAscii(field, value, NormalizationOptions.Default, buffer);

        Assert.Equal(expected, Encoding.UTF8.GetString(buffer[..Math.Max(length, 0)]));
    }

    [Theory]
    [InlineData("em", "not-an-email")]
    [InlineData("em", "Valéry@example.com")]
    [InlineData("fn", "123")]
    [InlineData("zp", "1-2")]
    [InlineData("country", "Korea, Republic of")]
    [InlineData("country", "Atlantis")]
    [InlineData("ph", "1-800-FLOWERS")]
    [InlineData("ph", "+1 650 555 1212 ext. 5")]
    [InlineData("fn", "   ")]
    [InlineData("client_ip_address", "1.2.3.4")]
    public void Anything_the_fast_path_does_not_settle_goes_to_the_full_rules(string field, string value)
    {
        Span<byte> buffer = stackalloc byte[value.Length + 8];

        Assert.Equal(-1, PiiNormalizer.TryNormalizeAscii(field, value, NormalizationOptions.Default, buffer));
    }

    [Fact]
    public void Every_conformance_input_it_settles_is_normalized_as_the_full_rules_do()
    {
        int settled = 0;
        foreach (ConformanceCase @case in ConformanceCase.LoadAll(Path.Combine(RepositoryRoot.Path, "tests", "conformance")))
        {
            if (@case.Field is { } field && @case.Input is { } input && PiiNormalizer.TryGetKey(field, out _))
            {
                settled += Compare(field, input);
            }
        }

        Assert.True(settled > 50, $"only {settled} conformance inputs took the fast path");
    }

    [Fact]
    public void Random_ASCII_text_is_normalized_as_the_full_rules_do()
    {
        const string Alphabet = "aAbBzZmMqQeE0123456789  \t\n\r\v\f\u001c\u001f\u0000@@..--__'+,;:()<>[]\\\"!#$%&*/=?^`{|}~";
        string[] words = ["us", "usa", "united states", "ny", "new york", "calif.", "quebec", "gb", "uk", "de", "korea", "example.com", "x@y.co", "-a.b"];
        Random random = new(17);
        int settled = 0;
        foreach (string field in Fields)
        {
            for (int i = 0; i < 20_000; i++)
            {
                StringBuilder text = new();
                int parts = random.Next(1, 5);
                for (int p = 0; p < parts; p++)
                {
                    if (random.Next(3) == 0)
                    {
                        text.Append(words[random.Next(words.Length)]);
                    }
                    else
                    {
                        int length = random.Next(0, 12);
                        for (int c = 0; c < length; c++)
                        {
                            text.Append(Alphabet[random.Next(Alphabet.Length)]);
                        }
                    }
                }

                settled += Compare(field, text.ToString());
            }
        }

        Assert.True(settled > 10_000, $"only {settled} random inputs took the fast path");
    }

    /// <summary>1 when the fast path settled the value (and agreed), 0 when it left it to the full rules.</summary>
    private static int Compare(string field, string input)
    {
        int settled = 0;
        foreach (NormalizationOptions options in Options)
        {
            byte[] buffer = new byte[input.Length + 8];
            int length = PiiNormalizer.TryNormalizeAscii(field, input, options, buffer);
            if (length < 0)
            {
                continue;
            }

            NormalizationResult full = PiiNormalizer.NormalizeByRules(field, input, options);
            Assert.True(full.Succeeded, $"{field}: the fast path normalized a value the full rules reject ({full.Error})");
            Assert.Equal(full.Value, Encoding.UTF8.GetString(buffer, 0, length));
            settled = 1;
        }

        return settled;
    }
}
