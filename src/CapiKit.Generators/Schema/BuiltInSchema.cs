using System;
using System.IO;

namespace CapiKit.Generators.Schema;

/// <summary>
/// CapiKit's own parameter schema, embedded in this assembly and read once. It changes only with the package
/// version, so it is not an incremental input.
/// </summary>
internal static class BuiltInSchema
{
    public const string FileName = "capi.schema.json";
    private const string ResourceName = "CapiKit.Generators.capi.schema.json";

    private static readonly Lazy<(SchemaModel? Model, SchemaProblem? Problem)> Loaded = new(Load);

    /// <summary>The schema, or the problem that kept it from loading (a packaging bug, reported as a diagnostic).</summary>
    public static (SchemaModel? Model, SchemaProblem? Problem) Value => Loaded.Value;

    private static (SchemaModel? Model, SchemaProblem? Problem) Load()
    {
        using Stream? stream = typeof(BuiltInSchema).Assembly.GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return (null, new SchemaProblem(DiagnosticIds.MalformedSchemaFile, FileName, 0, "the built-in parameter schema is missing from CapiKit.Generators (a packaging bug)"));
        }

        using StreamReader reader = new(stream);
        return SchemaReader.ReadBuiltIn(FileName, reader.ReadToEnd());
    }
}
