using System;
using System.Collections.Immutable;
using System.Linq;
using CapiKit.Generators.Analysis.Payloads;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>
/// CAPI007: A value Meta wants raw is hashed, case-changed or malformed. The keys the schema sends raw (the client IP and user agent, fbc, fbp and Meta's other identifiers) must be sent exactly as received; fbc is case-sensitive.
/// The schema's rule table (<c>schema/capi.schema.json</c>, <c>rules[CAPI007]</c>) holds the same texts; a test compares them.
/// </summary>
internal static class CAPI007RawKeyModified
{
    public const string Id = "CAPI007";

    private const string Title = "A value Meta wants raw is hashed, case-changed or malformed";

    private const string Description = "The keys the schema sends raw (the client IP and user agent, fbc, fbp and Meta's other identifiers) must be sent exactly as received; fbc is case-sensitive.";

    /// <summary>{key} must reach Meta exactly as received, but {change} changes it{caseNote}</summary>
    public static readonly DiagnosticDescriptor Modified = RuleDescriptor.Create(Id, Title, "{0} must reach Meta exactly as received, but {1} changes it{2}", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>{key} is {problem}</summary>
    public static readonly DiagnosticDescriptor Malformed = RuleDescriptor.Create(Id, Title, "{0} is {1}", RuleDescriptor.Usage, DiagnosticSeverity.Warning, Description);

    /// <summary>Every message of the rule, for the analyzers' <c>SupportedDiagnostics</c>.</summary>
    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(Modified, Malformed);

    /// <summary>A value Meta wants exactly as received (IP, user agent, fbc, fbp, ...) that the code rewrites.</summary>
    public static void CheckUserData(PayloadObject userData, RuleContext context)
    {
        foreach (PayloadValue value in userData.Values.Where(v => context.Facts.RawKeys.Contains(v.Key)))
        {
            if (value.Operation is { } operation && ValueInspection.Modification(operation) is { } modification)
            {
                ReportModified(value.Key, modification, context.Report);
            }
            else if (value.Text is { } text && context.Facts.RawFormats.TryGetValue(value.Key, out var format) && !format.Pattern.IsMatch(text))
            {
                // A constant that cannot be the cookie's value (a lower-cased "FB." prefix, a missing part): Meta answers
                // "Click ID Incorrectly Formatted", as the pre-flight does.
                context.Report(Diagnostic.Create(Malformed, value.Location, value.Key, format.Problem));
            }
        }
    }

    /// <summary>The rewriting call, with the fix that removes it when it can be removed.</summary>
    public static void ReportModified(string key, IInvocationOperation modification, System.Action<Diagnostic> report)
    {
        // `ip?.ToLowerInvariant()`: the value as written is the whole conditional access, and there the call cannot simply
        // be dropped (the fix removes `x.Call()`, not `?.Call()`).
        IOperation reported = modification;
        if (modification.Instance is IConditionalAccessInstanceOperation)
        {
            for (IOperation? parent = modification.Parent; parent is not null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    reported = access;
                    break;
                }
            }
        }

        bool removable = ReferenceEquals(reported, modification)
            && (modification.Instance is not null && modification.Arguments.Length == 0 || modification.Instance is null && modification.Arguments.Length == 1);
        ImmutableDictionary<string, string?> properties = removable
            ? ImmutableDictionary<string, string?>.Empty.Add(FixKinds.Fix, FixKinds.RemoveCall)
            : ImmutableDictionary<string, string?>.Empty;
        string what = modification.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String ? $"{modification.TargetMethod.Name}()" : "hashing";
        report(Diagnostic.Create(Modified, reported.Syntax.GetLocation(), properties, key, what, key == "fbc" ? "; fbc and its fbclid are case-sensitive" : ""));
    }

    /// <summary><c>user.SetClickId(fbc.ToLower())</c>: a raw identifier rewritten on its way into the builder.</summary>
    public static void CheckBuilderCall(IInvocationOperation invocation, KnownSymbols symbols, RuleContext context)
    {
        IMethodSymbol method = invocation.TargetMethod;
        if (SymbolEqualityComparer.Default.Equals(method.ContainingType, symbols.UserData) && method.Name.StartsWith("Set", StringComparison.Ordinal)
            && context.Facts.RawLabels.TryGetValue(method.Name.Substring(3), out string? key) && invocation.Arguments.Length == 1
            && ValueInspection.Modification(invocation.Arguments[0].Value) is { } modification)
        {
            ReportModified(key, modification, context.Report);
        }
    }
}
