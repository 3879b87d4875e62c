using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Generation.Events;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Generation;

/// <summary>
/// Generates, in users' projects, <c>ToServerEvent()</c> and <c>WriteTo(IBufferWriter&lt;byte&gt;)</c> for each
/// <c>[ConversionEvent]</c> partial class, and typed members for the custom events and custom_data keys of the
/// project's <c>*.capi.json</c> files. Each class is its own pipeline branch, so an edit in one class regenerates
/// only that class.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class EventGenerator : IIncrementalGenerator
{
    private const string ExtensionSuffix = ".capi.json";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<(ExtensionSpec? Extension, EquatableArray<SchemaProblem> Problems)> extensionFiles = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(ExtensionSuffix, System.StringComparison.OrdinalIgnoreCase))
            .Select(static (file, cancellationToken) => ReadExtension(file.Path, file.GetText(cancellationToken)?.ToString()))
            .WithTrackingName(TrackingNames.ExtensionFiles);

        context.RegisterSourceOutput(extensionFiles.SelectMany(static (file, _) => file.Problems), static (output, problem) =>
            output.ReportDiagnostic(SchemaDiagnostics.Create(problem)));

        IncrementalValueProvider<(string? RootNamespace, string? ProjectDir)> project = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => (
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? ns) && ns.Length > 0 ? ns : null,
                options.GlobalOptions.TryGetValue("build_property.ProjectDir", out string? dir) && dir.Length > 0 ? dir : null));

        IncrementalValuesProvider<ExtensionSpec> extensions = extensionFiles
            .Where(static file => file.Extension is not null)
            .Select(static (file, _) => file.Extension!);

        // File names, to tell whether a file's name alone names its classes or two files share it.
        IncrementalValueProvider<EquatableArray<string>> extensionFileNames = extensions
            .Select(static (extension, _) => System.IO.Path.GetFileName(extension.Path).ToLowerInvariant())
            .Collect()
            .Select(static (names, _) => names.OrderBy(name => name, System.StringComparer.Ordinal).ToEquatableArray());

        context.RegisterSourceOutput(extensions.Combine(project).Combine(extensionFileNames), static (output, pair) =>
        {
            (SchemaModel? schema, _) = BuiltInSchema.Value;
            if (schema is not null)
            {
                ((ExtensionSpec extension, (string? rootNamespace, string? projectDir)), EquatableArray<string> fileNames) = pair;
                string fileName = System.IO.Path.GetFileName(extension.Path).ToLowerInvariant();
                bool shared = fileNames.Count(name => name == fileName) > 1;
                string name = ExtensionEmitter.ClassName(extension, shared ? projectDir : null, byPath: shared);
                output.AddSource(ExtensionEmitter.HintName(name), SourceText.From(ExtensionEmitter.Emit(extension, schema, rootNamespace, name), System.Text.Encoding.UTF8));
            }
        });

        IncrementalValueProvider<EquatableArray<string>> customKeys = extensions
            .SelectMany(static (extension, _) => extension.CustomDataFields.Select(field => field.Name))
            .Collect()
            .Select(static (keys, _) => keys.Distinct().OrderBy(key => key, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(TrackingNames.Extensions);

        IncrementalValuesProvider<EventClassResult> classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EventClassParser.AttributeName,
                static (node, _) => EventClassParser.IsCandidate(node),
                static (attributeContext, cancellationToken) => BuiltInSchema.Value.Model is { } schema
                    ? EventClassParser.Parse(attributeContext, schema, cancellationToken)
                    : new EventClassResult(null, default))
            .WithTrackingName(TrackingNames.EventClasses);

        IncrementalValuesProvider<EventClassResult> checkedClasses = classes
            .Combine(customKeys)
            .Select(static (pair, _) => CheckCustomKeys(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EventClassModels);

        context.RegisterSourceOutput(checkedClasses.SelectMany(static (result, _) => result.Diagnostics), static (output, diagnostic) =>
            output.ReportDiagnostic(diagnostic.ToDiagnostic()));

        IncrementalValuesProvider<EventClassSpec> specs = checkedClasses
            .Where(static result => result.Spec is not null)
            .Select(static (result, _) => result.Spec!)
            .WithTrackingName(TrackingNames.EventClassOutputs);

        context.RegisterSourceOutput(specs, static (output, spec) =>
        {
            (SchemaModel? schema, _) = BuiltInSchema.Value;
            if (schema is not null)
            {
                output.AddSource(EventClassEmitter.HintName(spec), SourceText.From(EventClassEmitter.Emit(spec, schema), System.Text.Encoding.UTF8));
            }
        });
    }

    private static (ExtensionSpec?, EquatableArray<SchemaProblem>) ReadExtension(string path, string? text)
    {
        (SchemaModel? schema, SchemaProblem? problem) = BuiltInSchema.Value;
        if (schema is null)
        {
            return (null, new[] { problem! }.ToEquatableArray());
        }

        return text is null
            ? (null, new[] { new SchemaProblem(DiagnosticIds.MalformedSchemaFile, path, 0, $"'{path}' could not be read") }.ToEquatableArray())
            : SchemaReader.ReadExtension(path, text, schema);
    }

    /// <summary>Custom custom_data keys must be declared in an extension file; an unknown key is reported and dropped.</summary>
    private static EventClassResult CheckCustomKeys(EventClassResult result, EquatableArray<string> customKeys)
    {
        if (result.Spec is null || BuiltInSchema.Value.Model is not { } schema)
        {
            return result;
        }

        HashSet<string> standard = new(schema.Object("custom_data").Fields.Select(f => f.Name));
        List<MemberSpec> kept = new();
        List<DiagnosticInfo> diagnostics = new(result.Diagnostics);
        foreach (MemberSpec member in result.Spec.Members)
        {
            if (member.Target == Targets.CustomData && !standard.Contains(member.Key) && !customKeys.Contains(member.Key))
            {
                MemberLocation at = member.Location;
                diagnostics.Add(new DiagnosticInfo(
                    DiagnosticIds.UnknownCustomDataKey,
                    new[] { member.Key }.ToEquatableArray(),
                    at.FilePath,
                    new TextSpan(at.SpanStart, at.SpanLength),
                    new LinePositionSpan(new LinePosition(at.Line, at.Column), new LinePosition(at.EndLine, at.EndColumn))));
                continue;
            }

            kept.Add(member);
        }

        return kept.Count == result.Spec.Members.Count
            ? result
            : new EventClassResult(result.Spec with { Members = kept.ToEquatableArray() }, diagnostics.ToEquatableArray());
    }
}
