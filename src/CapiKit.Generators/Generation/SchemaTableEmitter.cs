using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>The runtime's table of <c>user_data</c> keys, so the runtime parses no JSON at startup.</summary>
internal static class SchemaTableEmitter
{
    public static string EmitUserDataKeys(SchemaModel schema)
    {
        SourceWriter writer = Emit.File("CapiKit.Schema");
        writer.WriteLine(Emit.GeneratedCode);
        writer.WriteLine("internal static class GeneratedSchema");
        writer.OpenBrace();
        writer.WriteLine("public static readonly global::CapiKit.Pii.UserDataKey[] UserDataKeys =");
        writer.WriteLine("[");
        writer.Indent();
        foreach (FieldSpec field in schema.Object("user_data").Fields)
        {
            string hashing = field.Hashing switch
            {
                "required" => "Required",
                "recommended" => "Recommended",
                _ => "Never",
            };
            string normalization = field.Normalization is null ? "null" : Naming.Literal(field.Normalization);
            writer.WriteLine(
                $"new({Naming.Literal(field.Name)}, {Naming.Literal(field.Label ?? Naming.Pascal(field.Name))}, global::CapiKit.Pii.HashingPolicy.{hashing}, " +
                $"{normalization}, {(field.Many ? "true" : "false")}, {Naming.Literal(field.Description)}, {(field.Format is null ? "null" : Naming.Literal(field.Format))}),");
        }

        writer.Unindent();
        writer.WriteLine("];");
        writer.CloseBrace();
        return writer.ToString();
    }
}
