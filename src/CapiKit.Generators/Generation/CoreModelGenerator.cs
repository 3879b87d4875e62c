using System.Linq;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators.Generation;

/// <summary>
/// Generates CapiKit's public model from the built-in parameter schema: enums, attributes, builders and their
/// JSON writers. It emits only when compiling the CapiKit assembly itself; in users' projects it is silent.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class CoreModelGenerator : IIncrementalGenerator
{
    /// <summary>The assembly the core model belongs to.</summary>
    public const string ToolkitAssemblyName = "CapiKit";

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValueProvider<bool> isToolkit = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName == ToolkitAssemblyName)
            .WithTrackingName(TrackingNames.IsToolkitAssembly);

        context.RegisterSourceOutput(isToolkit, static (output, isToolkitAssembly) =>
        {
            if (!isToolkitAssembly)
            {
                return;
            }

            (SchemaModel? schema, SchemaProblem? problem) = BuiltInSchema.Value;
            if (schema is null)
            {
                output.ReportDiagnostic(SchemaDiagnostics.Create(problem!, text: null));
                return;
            }

            foreach ((string hintName, string source) in CoreModelFiles.For(schema))
            {
                output.AddSource(hintName, SourceText.From(source, System.Text.Encoding.UTF8));
            }
        });
    }
}

/// <summary>The files of the core model, by hint name.</summary>
internal static class CoreModelFiles
{
    public static System.Collections.Generic.IEnumerable<(string HintName, string Source)> For(SchemaModel schema)
    {
        var enums = EnumEmitter.All(schema).ToList();
        foreach (EnumEmitter.EnumDefinition definition in enums)
        {
            yield return ($"CapiKit.{definition.TypeName}.g.cs", EnumEmitter.EmitEnum(definition));
        }

        yield return ("CapiKit.PayloadValues.g.cs", EnumEmitter.EmitPayloadValues(enums));
        foreach (ObjectSpec spec in schema.Objects)
        {
            yield return ($"CapiKit.{Naming.Pascal(spec.Name)}.g.cs", BuilderEmitter.EmitBuilder(schema, spec));
        }

        yield return ("CapiKit.EventRequest.g.cs", RequestEmitter.EmitRequest(schema));
        yield return ("CapiKit.ServerEvent.Factories.g.cs", EventApiEmitter.EmitServerEventFactories(schema));
        yield return ("CapiKit.EventDefinition.g.cs", EventApiEmitter.EmitEventDefinitions(schema));
        yield return ("CapiKit.ExtInfo.g.cs", EventApiEmitter.EmitExtInfo(schema));
        yield return ("CapiKit.CapiSchema.g.cs", EventApiEmitter.EmitSchemaConstants(schema));
        yield return ("CapiKit.ServerEventAttributes.g.cs", AttributeEmitter.EmitServerEventAttributes(schema));
        yield return ("CapiKit.Schema.GeneratedSchema.g.cs", SchemaTableEmitter.EmitUserDataKeys(schema));
        yield return ("CapiKit.Delivery.RuleBook.g.cs", RuleBookEmitter.Emit(schema));
    }
}
