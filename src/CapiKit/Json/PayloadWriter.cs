using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Json;

/// <summary>Writes hashes as Meta wants them: 64 lower-case hex digits, formatted straight into the JSON output.</summary>
internal static class PayloadWriter
{
    public static void WriteHashes(Utf8JsonWriter writer, JsonEncodedText name, List<Sha256Hash>? hashes)
    {
        if (hashes is not { Count: > 0 })
        {
            return;
        }

        Span<byte> hex = stackalloc byte[Sha256Hash.HexLength];
        writer.WriteStartArray(name);
        foreach (Sha256Hash hash in hashes)
        {
            hash.TryFormat(hex, out _);
            writer.WriteStringValue(hex);
        }

        writer.WriteEndArray();
    }
}
