using System.Text.Json;

namespace CapiKit.AspNetCore.Tests.ParameterBuilderCases;

/// <summary>Reads the Parameter Builder's test cases kept as data beside the tests.</summary>
internal static class Cases
{
    public static TheoryData<string> Names(string file)
    {
        TheoryData<string> names = [];
        foreach (JsonElement c in Load(file).GetProperty("cases").EnumerateArray())
        {
            names.Add(c.GetProperty("name").GetString()!);
        }

        return names;
    }

    public static JsonElement Case(string file, string name) =>
        Load(file).GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("name").GetString() == name);

    public static JsonElement Load(string file)
    {
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "ParameterBuilderCases", file)));
        return document.RootElement.Clone();
    }

    public static string? Text(this JsonElement element, string property) =>
        element.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
