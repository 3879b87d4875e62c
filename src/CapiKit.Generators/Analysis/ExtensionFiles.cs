using System;
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

    // The analyzers read a file once per compilation; its text object stays the same until the file changes.
    private static readonly ConditionalWeakTable<SourceText, CachedRead> Cache = new();

    public static bool IsExtensionFile(string path) => path.EndsWith(Suffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file's well-formed entries (null when none) and every problem found, at its line and column.</summary>
    public static (ExtensionSpec? Extension, EquatableArray<SchemaProblem> Problems) Read(AdditionalText file, SchemaModel schema, CancellationToken cancellationToken)
    {
        SourceText? text = file.GetText(cancellationToken);
        if (text is null)
        {
            return (null, new[] { new SchemaProblem(DiagnosticIds.MalformedSchemaFile, file.Path, 0, "the file could not be read") }.ToEquatableArray());
        }

        if (Cache.TryGetValue(text, out CachedRead? read) && read.Path == file.Path)
        {
            return (read.Extension, read.Problems);
        }

        (ExtensionSpec? extension, EquatableArray<SchemaProblem> problems) = SchemaReader.ReadExtension(file.Path, text.ToString(), schema);
        Cache.Remove(text);
        Cache.Add(text, new CachedRead(file.Path, extension, problems));
        return (extension, problems);
    }

    private sealed record CachedRead(string Path, ExtensionSpec? Extension, EquatableArray<SchemaProblem> Problems);
}
