using System.Text.Json;

namespace CapiKit.Tests.Schema;

/// <summary>
/// The run-time format checks use the schema's patterns and problem texts (formats.click_id, formats.browser_id),
/// the same ones the analyzers read, so CAPI007's verdict on a malformed fbc or fbp is one verdict.
/// </summary>
public sealed class SchemaFormatTests
{
    [Theory]
    [InlineData("click_id")]
    [InlineData("browser_id")]
    public void Runtime_pattern_and_problem_are_the_schemas(string format)
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        JsonElement entry = schema.RootElement.GetProperty("formats").GetProperty(format);
        string pattern = entry.GetProperty("pattern").GetString()!;
        string problem = entry.GetProperty("problem").GetString()!;

        Assert.Equal(pattern, (format == "click_id" ? FieldFormats.ClickId() : FieldFormats.BrowserId()).ToString());
        Assert.Equal(problem, FieldFormats.RawProblem(format, "FB.1.not-a-cookie"));
    }
}
