using System.Text.Json;

namespace CapiKit.Cli.Commands;

/// <summary>One input line of <c>capi hash --jsonl</c>: <c>{"field":"ph","value":"(650)555-1212","region":"US"}</c>.</summary>
internal sealed record LineRequest(string? Field, string? Value, string? Region, string? Problem)
{
    /// <summary>Reads the line; a well-formed line of the wrong shape comes back with its <see cref="Problem"/>.</summary>
    /// <exception cref="JsonException">The line is not JSON.</exception>
    public static LineRequest Parse(string line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return new LineRequest(null, null, null, "the line is empty");
        }

        using JsonDocument document = JsonDocument.Parse(line);
        JsonElement root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new LineRequest(null, null, null, "the line is not a JSON object");
        }

        string? field = ReadString(root, "field", out string? fieldProblem);
        string? value = ReadString(root, "value", out string? valueProblem);
        string? region = ReadString(root, "region", out string? regionProblem);
        string? problem = fieldProblem ?? valueProblem ?? regionProblem
            ?? (field is null ? "\"field\" is missing" : null)
            ?? (value is null ? "\"value\" is missing" : null);
        return new LineRequest(field, value, region, problem);
    }

    private static string? ReadString(JsonElement root, string name, out string? problem)
    {
        problem = null;
        if (!root.TryGetProperty(name, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            problem = $"\"{name}\" must be a string";
            return null;
        }

        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // "\ud800" is valid JSON but no text: an unpaired surrogate has no UTF-8 form and nothing can hash it.
            problem = $"\"{name}\" is not well-formed Unicode text (it has an unpaired surrogate escape)";
            return null;
        }
    }
}
