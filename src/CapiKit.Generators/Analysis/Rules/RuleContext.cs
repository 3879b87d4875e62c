using System;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis.Rules;

/// <summary>What a rule's check is given: the schema's facts and where to report.</summary>
internal sealed class RuleContext
{
    public RuleContext(PayloadFacts facts, Action<Diagnostic> report)
    {
        Facts = facts;
        Report = report;
    }

    public PayloadFacts Facts { get; }

    public Action<Diagnostic> Report { get; }
}
