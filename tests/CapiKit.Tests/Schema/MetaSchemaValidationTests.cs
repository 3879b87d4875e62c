using System.Text.Json;
using Json.Schema;

namespace CapiKit.Tests.Schema;

/// <summary>The built-in schema and users' extension files are checked against capi.meta-schema.json.</summary>
public sealed class MetaSchemaValidationTests
{
    private static readonly JsonSchema MetaSchema = JsonSchema.FromFile(
        SchemaFiles.MetaSchemaPath,
        new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    [Fact]
    public void The_built_in_schema_is_valid()
    {
        using JsonDocument schema = SchemaFiles.LoadSchema();
        AssertValid(schema.RootElement);
    }

    [Fact]
    public void A_well_formed_extension_file_is_valid() =>
        AssertValid("""
            {
              "description": "Our subscription events.",
              "customEvents": [
                { "name": "TrialConverted", "description": "A free trial became a paid plan.", "requiredCustomData": ["plan_id"] }
              ],
              "customDataFields": [
                { "name": "plan_id", "type": "string", "required": "optional", "description": "Our plan identifier." }
              ]
            }
            """);

    [Theory]
    [InlineData("""{ }""")]
    [InlineData("""{ "customEvents": [ { "name": "Trial Converted", "description": "Spaces are not allowed." } ] }""")]
    [InlineData("""{ "customDataFields": [ { "name": "PlanId", "type": "string", "required": "optional", "description": "Not snake case." } ] }""")]
    [InlineData("""{ "customDataFields": [ { "name": "plan", "type": "text", "required": "optional", "description": "Unknown type." } ] }""")]
    [InlineData("""{ "customDataFields": [ { "name": "plan", "type": "string", "required": "conditional", "description": "No requiredWhen." } ] }""")]
    [InlineData("""{ "customDataFields": [ { "name": "plan", "type": "enum", "required": "optional", "description": "Enum without its name." } ] }""")]
    [InlineData("""{ "customEvents": [ { "name": "X", "description": "Two\nlines." } ] }""")]
    [InlineData("""{ "customEvents": [], "extra": true }""")]
    public void Malformed_extension_files_are_invalid(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        Assert.False(MetaSchema.Evaluate(document.RootElement).IsValid);
    }

    [Fact]
    public void A_hashed_user_data_key_without_a_normalization_is_invalid()
    {
        string broken = File.ReadAllText(SchemaFiles.SchemaPath).Replace("\"normalization\": \"email\", ", "", StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(broken);
        Assert.False(MetaSchema.Evaluate(document.RootElement).IsValid);
    }

    private static void AssertValid(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        AssertValid(document.RootElement);
    }

    private static void AssertValid(JsonElement instance)
    {
        EvaluationResults results = MetaSchema.Evaluate(instance, new EvaluationOptions { OutputFormat = OutputFormat.List });
        string errors = string.Join(
            Environment.NewLine,
            (results.Details ?? []).Where(d => d.Errors is not null).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Key}: {e.Value}")));
        Assert.True(results.IsValid, errors);
    }
}
