using CapiKit.Generators.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace CapiKit.Generators;

/// <summary>
/// A diagnostic as an equatable value: the descriptor's ID, its message arguments, and where, without the
/// SyntaxTree or Compilation a Location would keep alive in the generator's cache.
/// </summary>
internal sealed record DiagnosticInfo(string Id, EquatableArray<string> Arguments, string FilePath, TextSpan Span, LinePositionSpan Lines)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location location, params string[] arguments)
    {
        FileLinePositionSpan lines = location.GetLineSpan();
        return new DiagnosticInfo(descriptor.Id, arguments.ToEquatableArray(), lines.Path, location.SourceSpan, lines.Span);
    }

    public Diagnostic ToDiagnostic()
    {
        object[] arguments = new object[Arguments.Count];
        for (int i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(Descriptors.ById(Id), Location.Create(FilePath, Span, Lines), arguments);
    }
}
