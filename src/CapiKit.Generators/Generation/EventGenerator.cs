using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Analysis;
using CapiKit.Generators.Analysis.Rules;
using CapiKit.Generators.Common;
using CapiKit.Generators.Generation.Events;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
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
    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        // What is wrong in users' code and *.capi.json files is reported by EventClassShapeAnalyzer and
        // ExtensionFileAnalyzer (so .editorconfig, .globalconfig and #pragma apply); here it is only left out.
        IncrementalValuesProvider<ExtensionSpec?> extensionFiles = context.AdditionalTextsProvider
            .Where(static file => ExtensionFiles.IsExtensionFile(file.Path))
            .Select(static (file, cancellationToken) => BuiltInSchema.Value.Model is { } schema ? ExtensionFiles.Read(file, schema, cancellationToken).Extension : null)
            .WithTrackingName(TrackingNames.ExtensionFiles);

        // A built-in schema that does not load is a packaging bug nothing else can report: the analyzers are silent
        // without it, and every ToServerEvent() is missing. Once per compilation that uses CapiKit.
        IncrementalValueProvider<SchemaProblem?> builtInProblem = context.CompilationProvider
            .Select(static (compilation, _) => BuiltInSchema.Value.Problem is { } problem
                && compilation.AssemblyName != CoreModelGenerator.ToolkitAssemblyName
                && compilation.GetTypeByMetadataName(EventClassParser.AttributeName) is not null ? problem : null);
        context.RegisterSourceOutput(builtInProblem, static (output, problem) =>
        {
            if (problem is not null)
            {
                output.ReportDiagnostic(SchemaDiagnostics.Create(problem, text: null));
            }
        });

        IncrementalValueProvider<(string? RootNamespace, string? ProjectDir)> project = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => (
                options.GlobalOptions.TryGetValue("build_property.RootNamespace", out string? ns) && ns.Length > 0 ? ns : null,
                options.GlobalOptions.TryGetValue("build_property.ProjectDir", out string? dir) && dir.Length > 0 ? dir : null));

        IncrementalValuesProvider<ExtensionSpec> extensions = extensionFiles
            .Where(static extension => extension is not null)
            .Select(static (extension, _) => extension!);

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

        IncrementalValuesProvider<EventClassSpec?> classes = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                EventClassParser.AttributeName,
                static (node, _) => EventClassParser.IsCandidate(node),
                static (attributeContext, cancellationToken) => BuiltInSchema.Value.Model is { } schema
                    ? EventClassParser.Parse(attributeContext, schema, cancellationToken)
                    : null)
            .WithTrackingName(TrackingNames.EventClasses);

        IncrementalValuesProvider<EventClassSpec?> checkedClasses = classes
            .Combine(customKeys)
            .Select(static (pair, _) => WithoutUnknownCustomKeys(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.EventClassModels);

        IncrementalValuesProvider<EventClassSpec> specs = checkedClasses
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
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

    /// <summary>A member whose custom_data key no extension file declares is left out (CAPI113 says so).</summary>
    private static EventClassSpec? WithoutUnknownCustomKeys(EventClassSpec? spec, EquatableArray<string> customKeys)
    {
        if (spec is null || BuiltInSchema.Value.Model is not { } schema)
        {
            return spec;
        }

        List<MemberSpec> kept = spec.Members
            .Where(member => member.Target != Targets.CustomData || CAPI113UnknownCustomDataKey.IsKnown(member.Key, schema, customKeys))
            .ToList();
        return kept.Count == spec.Members.Count ? spec : spec with { Members = kept.ToEquatableArray() };
    }
}
