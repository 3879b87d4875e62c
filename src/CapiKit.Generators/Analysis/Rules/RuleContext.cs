using System;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>What a rule's check is given: the schema's facts and where to report.</summary>
internal sealed class RuleContext
{
    public RuleContext(PayloadFacts facts, Action<Diagnostic> report, Func<string, Location, bool>? firstAt = null)
    {
        Facts = facts;
        Report = report;
        _firstAt = firstAt;
    }

    private readonly Func<string, Location, bool>? _firstAt;

    /// <summary>
    /// Whether a rule reports a value followed from elsewhere (a literal passed down to a parameter) for the first
    /// time in the compilation; several payloads may reach the same literal.
    /// </summary>
    public bool FirstAt(string ruleId, Location location) => _firstAt?.Invoke(ruleId, location) ?? true;

    public PayloadFacts Facts { get; }

    public Action<Diagnostic> Report { get; }
}
