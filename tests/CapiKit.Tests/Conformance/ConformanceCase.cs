using System.Text.Json;
using System.Text.Json.Nodes;

namespace CapiKit.Tests.Conformance;

/// <summary>One expectation of a Meta SDK's own unit tests, as extracted into tests/conformance/*.json.</summary>
internal sealed record ConformanceCase(
    string Source,
    string File,
    string Test,
    string? Field,
    string? Input,
    string? ExpectedNormalized,
    string? ExpectedHash,
    bool ExpectsRejection,
    bool Unchanged)
{
    /// <summary>A short label for the report: source, field and the SDK's test name.</summary>
    public string Label => $"{Source} {Field} {Test}";

    /// <summary>A string input with a per-value expectation CapiKit can be compared with.</summary>
    public bool IsComparable => Field is not null && Input is not null && (ExpectedNormalized is not null || ExpectedHash is not null || ExpectsRejection);

    public static IEnumerable<ConformanceCase> LoadAll(string folder)
    {
        foreach (string path in Directory.GetFiles(folder, "*.json").Order(StringComparer.Ordinal))
        {
            JsonNode document = JsonNode.Parse(System.IO.File.ReadAllText(path))!;
            string source = Path.GetFileNameWithoutExtension(path);
            foreach (JsonNode? entry in document["cases"]!.AsArray())
            {
                yield return Read(source, entry!);
            }
        }
    }

    private static ConformanceCase Read(string source, JsonNode entry)
    {
        JsonObject expected = entry["expected"]!.AsObject();
        JsonNode? input = entry["input"];
        string? text = input is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
        bool listOrShape = expected.ContainsKey("output") || expected.ContainsKey("normalized_list") || expected.ContainsKey("observed");
        string? normalized = listOrShape ? null : StringOrNull(expected["normalized"]);

        // An SDK that answers "" for a value sends nothing for it: the same as rejecting it.
        bool rejected = !listOrShape && (expected.ContainsKey("null") || expected.ContainsKey("error") || normalized?.Length == 0);
        return new ConformanceCase(
            source,
            (string?)entry["file"] ?? "",
            (string?)entry["test"] ?? "",
            (string?)entry["field"],
            text,
            normalized?.Length == 0 ? null : normalized,
            listOrShape && !expected.ContainsKey("hash") ? null : StringOrNull(expected["hash"]),
            rejected,
            expected.ContainsKey("unchanged"));
    }

    private static string? StringOrNull(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;
}
