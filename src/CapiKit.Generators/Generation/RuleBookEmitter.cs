using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>
/// The run-time side of the rule table: one method per pre-flight message of each rule, named after the message and
/// taking its named placeholders, that returns the <c>EventProblem</c> with the rule's ID and the Meta error the
/// schema gives it. Pre-flight and the emulator build every problem through these, so no rule ID, subcode or
/// title is written by hand at run time.
/// </summary>
internal static class RuleBookEmitter
{
    public static string Emit(SchemaModel schema)
    {
        SourceWriter writer = Generation.Emit.File("CapiKit.Delivery");
        writer.WriteLine("/// <summary>Every pre-flight problem of every rule, from the rule table of CapiKit's parameter schema.</summary>");
        writer.WriteLine(Generation.Emit.GeneratedCode);
        writer.WriteLine("internal static partial class RuleBook");
        writer.OpenBrace();
        ErrorSpec generic = GenericValidationError(schema);
        writer.WriteLine("/// <summary>A problem no rule owns (a missing event_name, say): Meta's generic validation error.</summary>");
        writer.WriteLine($"public static EventProblem Invalid(string path, string message) => new(path, message, {Naming.Number(generic.Code)}, null, {Naming.Literal(generic.Title)}, null);");
        foreach (RuleSpec rule in schema.Rules.Where(r => r.Preflight.Count > 0))
        {
            writer.WriteLine();
            writer.WriteLine($"/// <summary>{rule.Id}: {Naming.Xml(rule.Title)}.</summary>");
            writer.WriteLine($"public static class {rule.Name}");
            writer.OpenBrace();
            writer.WriteLine($"public const string Id = {Naming.Literal(rule.Id)};");
            foreach (RuleMessageSpec message in rule.Preflight)
            {
                int code = rule.Prevents.Count > 0 ? rule.Prevents[0].Code : generic.Code;
                ErrorSpec error = schema.Error(code, message.Subcode) ?? generic;
                (string format, List<string> names) = Positional(message.Text);
                string parameters = string.Concat(names.Select(n => $", object {Naming.Identifier(n)}"));
                string arguments = string.Concat(names.Select(n => $", {Naming.Identifier(n)}"));
                string subcode = message.Subcode is int value ? Naming.Number(value) : "null";
                writer.WriteLine();
                writer.WriteLine($"/// <summary>{Naming.Xml(message.Text)}</summary>");
                writer.WriteLine($"public static EventProblem {MethodName(message.Name)}(string path{parameters}) =>");
                writer.WriteLine($"    new(path, string.Format(global::System.Globalization.CultureInfo.InvariantCulture, {Naming.Literal(format)}{arguments}), {Naming.Number(code)}, {subcode}, {Naming.Literal(error.Title)}, Id);");
            }

            writer.CloseBrace();
        }

        EmitActionSourceRules(writer, schema, "Requires", a => a.RequiresRule, "requires", "a field its action source requires is missing");
        EmitActionSourceRules(writer, schema, "Forbids", a => a.ForbidsRule, "forbidden", "a field its action source forbids is present");
        writer.WriteLine();
        writer.WriteLine("/// <summary>Whether a text is one of the ISO 4217 codes of the schema, in any case: shops send \"usd\", and Meta takes it.</summary>");
        writer.WriteLine("public static bool IsCurrencyCode(string code) => code.ToUpperInvariant() switch");
        writer.OpenBrace();
        foreach (string[] row in schema.Currencies.Select((c, i) => (c, i)).GroupBy(p => p.i / 12).Select(g => g.Select(p => p.c).ToArray()))
        {
            writer.WriteLine(string.Join(" or ", row.Select(Naming.Literal)) + " => true,");
        }

        writer.WriteLine("_ => false,");
        writer.CloseBrace(";");
        writer.CloseBrace();
        return writer.ToString();
    }

    /// <summary>The problem for an action source's required (or forbidden) field, through the rule the schema names.</summary>
    private static void EmitActionSourceRules(SourceWriter writer, SchemaModel schema, string kind, System.Func<ActionSourceSpec, string?> rule, string message, string what)
    {
        writer.WriteLine();
        writer.WriteLine($"/// <summary>The problem when {what}, from the rule the action source names.</summary>");
        writer.WriteLine($"public static EventProblem {kind}(global::CapiKit.ActionSource actionSource, string path) => actionSource switch");
        writer.OpenBrace();
        foreach (ActionSourceSpec source in schema.ActionSources.Where(a => rule(a) is not null))
        {
            RuleSpec owner = schema.Rule(rule(source)!);
            writer.WriteLine($"global::CapiKit.ActionSource.{Naming.Pascal(source.Value)} => {owner.Name}.{MethodName(message)}(path, actionSource: {Naming.Literal(source.Value)}, field: path),");
        }

        writer.WriteLine($"_ => Invalid(path, path + \" is not expected on \" + global::CapiKit.PayloadValues.ToPayloadValue(actionSource) + \" events\"),");
        writer.CloseBrace(";");
    }

    private static ErrorSpec GenericValidationError(SchemaModel schema) =>
        schema.Errors.First(e => e.Code == 100 && e.Subcode is null);

    /// <summary>"{key} is {problem}" to ("{0} is {1}", [key, problem]): placeholders numbered by first appearance.</summary>
    public static (string Format, List<string> Names) Positional(string text)
    {
        List<string> names = new();
        System.Text.StringBuilder format = new();
        int i = 0;
        while (i < text.Length)
        {
            int close = text[i] == '{' ? text.IndexOf('}', i) : -1;
            if (close > i)
            {
                string name = text.Substring(i + 1, close - i - 1);
                int index = names.IndexOf(name);
                if (index < 0)
                {
                    names.Add(name);
                    index = names.Count - 1;
                }

                format.Append('{').Append(index).Append('}');
                i = close + 1;
            }
            else
            {
                format.Append(text[i]);
                i++;
            }
        }

        return (format.ToString(), names);
    }

    /// <summary>A message's name (camelCase in the schema) as its method's: <c>notDigest</c> to <c>NotDigest</c>.</summary>
    private static string MethodName(string camel) => char.ToUpperInvariant(camel[0]) + camel.Substring(1);
}
