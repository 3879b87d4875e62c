using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators;

/// <summary>Turns a schema problem into a diagnostic at its file, line and column.</summary>
internal static class SchemaDiagnostics
{
    public static Diagnostic Create(SchemaProblem problem)
    {
        LinePosition start = new(problem.Line, problem.Column);
        Location location = Location.Create(problem.Path, default(TextSpan), new LinePositionSpan(start, start));
        return Diagnostic.Create(Descriptors.ForSchemaProblem(problem.DiagnosticId), location, problem.Message);
    }
}
