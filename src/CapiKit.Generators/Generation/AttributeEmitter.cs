using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>
/// One attribute per server-event field (<c>[EventTime]</c>, <c>[EventId]</c>, <c>[EventSourceUrl]</c>, ...), for
/// the members of a <c>[ConversionEvent]</c> class. <c>user_data</c> and <c>custom_data</c> keys are mapped by
/// <c>[UserData(...)]</c> and <c>[CustomData(...)]</c> instead.
/// </summary>
internal static class AttributeEmitter
{
    public static string EmitServerEventAttributes(SchemaModel schema)
    {
        SourceWriter writer = Emit.File();
        bool first = true;
        foreach (FieldSpec field in ServerEventAttributeFields(schema))
        {
            if (!first)
            {
                writer.WriteLine();
            }

            first = false;
            writer.WriteLine($"/// <summary>Maps the member to <c>{Naming.Xml(field.Name)}</c>: {Naming.Xml(field.Description)}</summary>");
            writer.WriteLine(Emit.GeneratedCode);
            writer.WriteLine("[global::System.AttributeUsage(global::System.AttributeTargets.Property | global::System.AttributeTargets.Field, AllowMultiple = false)]");
            writer.WriteLine($"public sealed class {Naming.Pascal(field.Name)}Attribute : global::System.Attribute");
            writer.WriteLine("{");
            writer.WriteLine("}");
        }

        return writer.ToString();
    }

    /// <summary>The server-event fields a member can be mapped to by an attribute of its own name.</summary>
    public static System.Collections.Generic.IEnumerable<FieldSpec> ServerEventAttributeFields(SchemaModel schema) =>
        schema.Object("server_event").Fields.Where(f => f.Name is not ("user_data" or "custom_data"));
}
