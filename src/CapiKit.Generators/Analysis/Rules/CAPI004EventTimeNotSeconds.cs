using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI004: event_time is not in Unix seconds. event_time is Unix seconds in UTC; milliseconds, ticks and local times put the event decades away or hours off.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI004]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI004EventTimeNotSeconds
{
    public const string Id = "CAPI004";

    private const string Title = "event_time is not in Unix seconds";

    private const string Description = "event_time is Unix seconds in UTC; milliseconds, ticks and local times put the event decades away or hours off.";

    /// <summary>event_time must be Unix seconds in UTC, but {detail}</summary>
    public static readonly DiagnosticDescriptor NotSeconds = RuleDescriptor.Create(Id, Title, "event_time must be Unix seconds in UTC, but {0}", RuleDescriptor.Usage, DiagnosticSeverity.Error, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(NotSeconds);
}
