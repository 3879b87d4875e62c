using System.Collections.Generic;
using System.Linq;
using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI113: <c>[CustomData("key")]</c> names a key that is neither standard nor declared in one of the project's
/// <c>*.capi.json</c> files. The generator drops such members with the same check.
/// </summary>
internal static class CAPI113UnknownCustomDataKey
{
    public const string Id = "CAPI113";

    public static readonly DiagnosticDescriptor Descriptor = new(
        Id,
        title: "Unknown custom_data key",
        messageFormat: "custom_data key '{0}' is neither a standard key nor declared in a *.capi.json file",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Custom custom_data keys are declared in a *.capi.json file, so a misspelled key is caught at compile time; a member with an undeclared key is left out of ToServerEvent().",
        helpLinkUri: RuleDescriptor.HelpLinkBase + Id + ".md");

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All { get; } = System.Collections.Immutable.ImmutableArray.Create(Descriptor);

    /// <summary>Whether a custom_data key is standard or declared by a (well-formed entry of an) extension file.</summary>
    public static bool IsKnown(string key, SchemaModel schema, IEnumerable<string> declared) =>
        declared.Contains(key) || schema.Object("custom_data").Fields.Any(field => field.Name == key);
}
