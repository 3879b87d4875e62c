using System.Buffers;
using System.Text;
using System.Text.Json;
using CapiKit.Json;
using CsCheck;

namespace CapiKit.Tests.Json;

/// <summary>Decimals written without the writer's number formatting are the bytes the writer writes.</summary>
public sealed class DecimalTextTests
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("value");

    // Every part of a decimal: 96-bit integers from tiny to full, every scale 0-28, both signs.
    private static readonly Gen<decimal> Decimals = Gen.Select(Gen.Int, Gen.Int, Gen.OneOf(Gen.Const(0), Gen.Int[0, 3], Gen.Int), Gen.Bool, Gen.Byte[0, 28])
        .Select((low, middle, high, negative, scale) => new decimal(low, middle, high, negative, scale));

    private static readonly Gen<decimal> Prices = Gen.Select(Gen.Long[0, 10_000_000_000L], Gen.Byte[0, 6])
        .Select((units, scale) => new decimal(units) / Pow10(scale));

    [Theory]
    [InlineData("19.90")]
    [InlineData("0.005")]
    [InlineData("0.00")]
    [InlineData("0")]
    [InlineData("100")]
    [InlineData("-1.5")]
    [InlineData("18446744073709551615")]
    [InlineData("18446744073709551616")]
    [InlineData("0.0000000000000000000000000001")]
    [InlineData("79228162514264337593543950335")]
    public void A_decimal_is_written_as_the_writer_writes_it(string text) =>
        AssertSameBytes(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void Negative_zero_is_written_as_the_writer_writes_it() => AssertSameBytes(new decimal(0, 0, 0, true, 2));

    [Fact]
    public void Random_decimals_are_written_as_the_writer_writes_them() =>
        Gen.OneOf(Decimals, Prices).Sample(AssertSameBytes, iter: 100_000);

    [Fact]
    public void Prices_take_the_fast_path()
    {
        Span<byte> text = stackalloc byte[DecimalText.MaxLength];
        Assert.True(DecimalText.TryFormat(19.99m, text, out int written));
        Assert.Equal("19.99", Encoding.UTF8.GetString(text[..written]));
        Assert.False(DecimalText.TryFormat(-19.99m, text, out _));
    }

    [Fact]
    public void A_decimal_in_indented_output_is_written_as_the_writer_writes_it() =>
        Assert.Equal(
            Written(writer => writer.WriteNumber(Name, 19.90m), indented: true),
            Written(writer => GeneratedEventSupport.WriteNumber(writer, Name, 19.90m), indented: true));

    private static void AssertSameBytes(decimal value)
    {
        Assert.Equal(Written(writer => writer.WriteNumber(Name, value)), Written(writer => GeneratedEventSupport.WriteNumber(writer, Name, value)));
    }

    private static string Written(Action<Utf8JsonWriter> write, bool indented = false)
    {
        ArrayBufferWriter<byte> buffer = new();
        using (Utf8JsonWriter writer = new(buffer, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteNumber("after", 1);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static decimal Pow10(int exponent)
    {
        decimal result = 1m;
        for (int i = 0; i < exponent; i++)
        {
            result *= 10m;
        }

        return result;
    }
}
