using System.Buffers;
using System.Text;
using System.Text.Json;
using CapiKit.Json;
using CapiKit.Pii;

namespace CapiKit.Tests.Json;

public sealed class DeferredHashesTests
{
    private static readonly NormalizationOptions Us = new() { DefaultRegion = "US" };

    private static readonly (string Key, string? Value, bool Many)[] Values =
    [
        ("em", "  John_Smith@Example.COM ", true),
        ("ph", "+1 (650) 555-1212", true),
        ("fn", "Valéry", true),
        ("ln", "not hashed: blank follows", false),
        ("ct", "   ", true),
        ("st", null, true),
        ("zp", "94035-1234", true),
        ("country", "United States", true),
        ("em", "not-an-email", true),
        ("external_id", new string('x', 300), true),
        ("em", "a.very.long.local.part.that.does.not.fit.one.block@an-equally-long-domain.example", false),
    ];

    [Fact]
    public void Hashes_filled_in_after_writing_are_the_bytes_hashing_on_the_spot_writes()
    {
        ArrayBufferWriter<byte> deferred = new();
        ArrayBufferWriter<byte> immediate = new();
        List<NormalizationError> deferredRejected = [];
        List<NormalizationError> immediateRejected = [];

        DeferredHashes.WriteTo(deferred, deferredRejected, Write);
        JsonText.WriteTo(immediate, immediateRejected, Write);

        Assert.Equal(Encoding.UTF8.GetString(immediate.WrittenSpan), Encoding.UTF8.GetString(deferred.WrittenSpan));
        Assert.Equal(immediateRejected, deferredRejected);
        Assert.Single(deferredRejected);
        Assert.Contains(PiiNormalizer.NormalizeAndHash("em", "john_smith@example.com")!, Encoding.UTF8.GetString(deferred.WrittenSpan), StringComparison.Ordinal);
    }

    [Fact]
    public void Payloads_written_one_after_another_each_get_their_own_hashes()
    {
        ArrayBufferWriter<byte> buffer = new();
        for (int i = 0; i < 40; i++)
        {
            DeferredHashes.WriteTo(buffer, i, static (writer, i) =>
            {
                writer.WriteStartObject();
                GeneratedEventSupport.WriteHashed(writer, JsonEncodedText.Encode("external_id"), $"customer-{i}", false, Us, null);
                writer.WriteEndObject();
            });
        }

        string expected = string.Concat(Enumerable.Range(0, 40).Select(i => $"{{\"external_id\":\"{PiiNormalizer.NormalizeAndHash("external_id", $"customer-{i}")}\"}}"));
        Assert.Equal(expected, Encoding.UTF8.GetString(buffer.WrittenSpan));
    }

    [Fact]
    public void A_payload_larger_than_the_scratch_buffer_gets_its_hashes_where_they_belong()
    {
        // 120 values of 70-odd bytes each: the writer flushes into the scratch buffer several times, so placeholders
        // are located from committed bytes as well as pending ones.
        ArrayBufferWriter<byte> deferred = new();
        ArrayBufferWriter<byte> immediate = new();
        Action<Utf8JsonWriter, int> write = static (writer, _) =>
        {
            writer.WriteStartObject();
            for (int i = 0; i < 120; i++)
            {
                GeneratedEventSupport.WriteHashed(writer, HashedKey.For(i % 3 == 0 ? "em" : "external_id"), i % 3 == 0 ? $"Customer{i}@Example.com" : $"customer-{i}", many: i % 2 == 0, Us, null);
                writer.WriteString($"note{i}", "filler between hashed values");
            }

            writer.WriteEndObject();
        };

        DeferredHashes.WriteTo(deferred, 0, write);
        JsonText.WriteTo(immediate, 0, write);

        Assert.True(deferred.WrittenCount > 8192, $"the payload is only {deferred.WrittenCount} bytes");
        Assert.Equal(Encoding.UTF8.GetString(immediate.WrittenSpan), Encoding.UTF8.GetString(deferred.WrittenSpan));
    }

    [Fact]
    public void Nothing_reaches_the_destination_when_writing_fails()
    {
        ArrayBufferWriter<byte> buffer = new();

        Assert.Throws<InvalidOperationException>(() => DeferredHashes.WriteTo(buffer, 0, static (writer, _) =>
        {
            writer.WriteStartObject();
            GeneratedEventSupport.WriteHashed(writer, JsonEncodedText.Encode("em"), "a@example.com", false, Us, null);
            throw new InvalidOperationException("stop");
        }));

        Assert.Equal(0, buffer.WrittenCount);
    }

    [Fact]
    public void A_hashed_key_resolved_once_writes_what_its_name_writes()
    {
        foreach (bool deferredHashing in new[] { true, false })
        {
            ArrayBufferWriter<byte> byKey = new();
            ArrayBufferWriter<byte> byName = new();
            List<NormalizationError> byKeyRejected = [];
            List<NormalizationError> byNameRejected = [];
            Action<IBufferWriter<byte>, List<NormalizationError>, Action<Utf8JsonWriter, List<NormalizationError>>> run =
                deferredHashing ? DeferredHashes.WriteTo : JsonText.WriteTo;

            run(byKey, byKeyRejected, (writer, rejected) => WriteValues(writer, (key, value, many) =>
                GeneratedEventSupport.WriteHashed(writer, HashedKey.For(key), value, many, Us, rejected)));
            run(byName, byNameRejected, Write);

            Assert.Equal(Encoding.UTF8.GetString(byName.WrittenSpan), Encoding.UTF8.GetString(byKey.WrittenSpan));
            Assert.Equal(byNameRejected, byKeyRejected);
        }
    }

    [Theory]
    [InlineData("client_ip_address")]
    [InlineData("not_a_key")]
    public void Only_hashed_keys_have_a_hashed_key(string key) =>
        Assert.Throws<ArgumentException>(() => HashedKey.For(key));

    private static void Write(Utf8JsonWriter writer, List<NormalizationError> rejected) =>
        WriteValues(writer, (key, value, many) => GeneratedEventSupport.WriteHashed(writer, JsonEncodedText.Encode(key), value, many, Us, rejected));

    private static void WriteValues(Utf8JsonWriter writer, Action<string, string?, bool> writeHashed)
    {
        writer.WriteStartObject();
        writer.WriteString("event_name", "Purchase");
        writer.WriteStartObject("user_data");
        foreach ((string key, string? value, bool many) in Values)
        {
            writeHashed(key, value, many);
        }

        writer.WriteString("client_user_agent", "Mozilla/5.0 \"quoted\" \u00e9");
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
