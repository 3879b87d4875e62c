using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// Users' <c>*.capi.json</c> schema extensions, read one way for the generator (which generates their good entries)
/// and the analyzers (which report their problems and check [CustomData] keys against them).
/// </summary>
internal static class ExtensionFiles
{
    public const string Suffix = ".capi.json";

    // The generator and the analyzers read a file once per text; the text object stays the same until the file changes.
    // Keyed by path too, as the problems name the file.
    private static readonly ConditionalWeakTable<SourceText, ConcurrentDictionary<string, (ExtensionSpec?, EquatableArray<SchemaProblem>)>> Cache = new();

    public static bool IsExtensionFile(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's well-formed entries (null when none) and every problem found, at its line and column.</summary>
    public static (ExtensionSpec? Extension, EquatableArray<SchemaProblem> Problems) Read(AdditionalText file, SchemaModel schema, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return (null, new[] { new SchemaProblem(DiagnosticIds.MalformedSchemaFile, file.Path, 0, "the file could not be read") }.ToEquatableArray());
        }

        return Cache.GetValue(text, static _ => new ConcurrentDictionary<string, (ExtensionSpec?, EquatableArray<SchemaProblem>)>(StringComparer.Ordinal))
            .GetOrAdd(file.Path, path => SchemaReader.ReadExtension(path, text.ToString(), schema));
    }
}
