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
    public static readonly DiagnosticDescriptor Descriptor = new(
        DiagnosticIds.UnknownCustomDataKey,
        title: "Unknown custom_data key",
        messageFormat: "custom_data key '{0}' is neither a standard key nor declared in a *.capi.json file",
        category: "CapiKit.Mapping",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Custom custom_data keys are declared in a *.capi.json file, so a misspelled key is caught at compile time; a member with an undeclared key is left out of ToServerEvent().",
        helpLinkUri: Descriptors.HelpLinkBase + DiagnosticIds.UnknownCustomDataKey + ".md");

    /// <summary>Whether a custom_data key is standard or declared by a (well-formed entry of an) extension file.</summary>
    public static bool IsKnown(string key, SchemaModel schema, IEnumerable<string> declared) =>
        declared.Contains(key) || schema.Object("custom_data").Fields.Any(field => field.Name == key);
}
