using CapiKit.Generators.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators;

/// <summary>Turns a schema problem into a diagnostic at its file, line and column.</summary>
internal static class SchemaDiagnostics
{
    /// <param name="text">The file's text, to give the location a span as well as a line; null when not at hand.</param>
    public static Diagnostic Create(SchemaProblem problem, SourceText? text)
    {
        LinePosition start = new(problem.Line, problem.Column);
        Location location = Location.Create(problem.Path, SpanAt(text, start), new LinePositionSpan(start, start));
        return Diagnostic.Create(Descriptors.ForSchemaProblem(problem.DiagnosticId), location, System.IO.Path.GetFileName(problem.Path), problem.Message);
    }

    /// <summary>An empty span at the position; columns are counted in UTF-8 bytes, so it is clamped to its line.</summary>
    private static TextSpan SpanAt(SourceText? text, LinePosition position)
    {
        if (text is null || position.Line < 0 || position.Line >= text.Lines.Count)
        {
            return default;
        }

        TextLine line = text.Lines[position.Line];
        return new TextSpan(System.Math.Min(line.Start + System.Math.Max(position.Character, 0), line.End), 0);
    }
}
