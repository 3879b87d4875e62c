using System.Text.Json;

namespace CapiKit.Tests.Schema;

/// <summary>The schema files as shipped, copied beside the tests by the project file.</summary>
internal static class SchemaFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "schema");

    public static string SchemaPath => Path.Combine(Directory, "capi.schema.json");

    public static string MetaSchemaPath => Path.Combine(Directory, "capi.meta-schema.json");

    public static JsonDocument LoadSchema() => JsonDocument.Parse(File.ReadAllText(SchemaPath));
}
