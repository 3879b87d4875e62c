using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// What the project as a whole says about the JSON its DTOs produce: JSON names given by no attribute (a property
/// named <c>user_data</c>, or a snake-case naming policy configured somewhere in the project), the members written
/// anywhere outside an object initializer, and the default values properties declare. One instance per
/// compilation; the project is scanned once, lazily, the first time a DTO needs it.
/// </summary>
internal sealed class ProjectConventions
{
    private readonly Compilation _compilation;
    private readonly HashSet<string> _payloadKeys;
    private readonly ConcurrentDictionary<INamedTypeSymbol, bool> _plainNamedTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, IOperation?> _defaults = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<(string, Location), bool> _reported = new();
    private Scan? _scan;

    public ProjectConventions(Compilation compilation, IEnumerable<string> payloadKeys)
    {
        _compilation = compilation;
        _payloadKeys = new HashSet<string>(payloadKeys, StringComparer.Ordinal);
    }

    /// <summary>
    /// The JSON name a property gets without an attribute: its own name when that is a CAPI key (<c>user_data</c>,
    /// <c>event_source_url</c>), or its snake-case form under a snake-case naming policy of the project; only in a
    /// type where at least two properties read so, since one property named <c>value</c> says nothing.
    /// </summary>
    public string? ImplicitName(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (Implicit(property, cancellationToken) is not { } name)
        {
            return null;
        }

        bool plain = _plainNamedTypes.GetOrAdd(property.ContainingType, type =>
            type.GetMembers().OfType<IPropertySymbol>().Count(p => Implicit(p, cancellationToken) is not null) >= 2);
        return plain ? name : null;
    }

    private string? Implicit(IPropertySymbol property, CancellationToken cancellationToken)
    {
        if (property.IsStatic || property.IsIndexer || property.DeclaredAccessibility != Accessibility.Public)
        {
            return null;
        }

        if (_payloadKeys.Contains(property.Name))
        {
            return property.Name;
        }

        string snake = SnakeCase(property.Name);
        return snake != property.Name && _payloadKeys.Contains(snake) && Get(cancellationToken).SnakeCasePolicy ? snake : null;
    }

    /// <summary>
    /// Whether a declared property that no write of the creating method reaches may still be sent: it has a default
    /// value, it is computed, or it is written somewhere outside an object initializer (a constructor, a later
    /// <c>x.Member = ...</c> in another method, a <c>with</c> expression).
    /// </summary>
    public bool MaySendUnwritten(ITypeSymbol type, string memberName, CancellationToken cancellationToken)
    {
        IPropertySymbol? property = Property(type, memberName);
        if (property is null)
        {
            return true;
        }

        if (Default(property, cancellationToken) is not null || (property.SetMethod is null && !IsAuto(property)))
        {
            return true;
        }

        return Get(cancellationToken).Written.Contains(memberName);
    }

    /// <summary>The value a property's declaration gives it (<c>= "website"</c>), or null.</summary>
    public IOperation? Default(ITypeSymbol type, string memberName, CancellationToken cancellationToken) =>
        Property(type, memberName) is { } property ? Default(property, cancellationToken) : null;

    private IOperation? Default(IPropertySymbol property, CancellationToken cancellationToken) =>
        _defaults.GetOrAdd(property, p =>
        {
            foreach (SyntaxReference reference in p.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is PropertyDeclarationSyntax { Initializer.Value: { } value } syntax
                    && _compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    // A default value lives in the DTO's declaration, which may be in another file than the method.
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
                    return _compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(value, cancellationToken);
#pragma warning restore RS1030
                }
            }

            return null;
        });

    private static IPropertySymbol? Property(ITypeSymbol type, string memberName)
    {
        for (ITypeSymbol? current = type; current is not null; current = current.BaseType)
        {
            if (current.GetMembers(memberName).OfType<IPropertySymbol>().FirstOrDefault() is { } property)
            {
                return property;
            }
        }

        return null;
    }

    private static bool IsAuto(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));

    private Scan Get(CancellationToken cancellationToken)
    {
        // Not Lazy<T>: a cancelled scan must not be remembered as the answer.
        return _scan ??= Compute(cancellationToken);
    }

    private Scan Compute(CancellationToken cancellationToken)
    {
        HashSet<string> written = new(StringComparer.Ordinal);
        HashSet<string> userDataTypes = new(StringComparer.Ordinal);
        Dictionary<string, List<SyntaxNode>> calls = new(StringComparer.Ordinal);
        bool snakeCase = false;
        foreach (SyntaxTree tree in _compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            foreach (SyntaxNode node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                switch (node)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Parent is not InitializerExpressionSyntax { RawKind: (int)SyntaxKind.ObjectInitializerExpression }:
                        if (Name(assignment.Left) is { } name)
                        {
                            written.Add(name);
                        }

                        break;
                    case InvocationExpressionSyntax { ArgumentList.Arguments.Count: > 0 } invocation when CalledName(invocation.Expression) is { } called:
                        if (!calls.TryGetValue(called, out List<SyntaxNode>? list))
                        {
                            calls[called] = list = new List<SyntaxNode>();
                        }

                        list.Add(invocation);
                        break;
                    case IdentifierNameSyntax { Identifier.ValueText: "SnakeCaseLower" or "SnakeCaseUpper" or "SnakeCaseNamingStrategy" }:
                        snakeCase = true;
                        break;
                    case PropertyDeclarationSyntax property when property.Identifier.ValueText == UserDataKey
                        || property.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.ArgumentList?.Arguments.Any(arg => arg.Expression is LiteralExpressionSyntax { Token.ValueText: UserDataKey }) == true):
                        if (TypeName(property.Type) is { } typeName)
                        {
                            userDataTypes.Add(typeName);
                        }

                        break;
                }
            }
        }

        return new Scan(written, snakeCase, userDataTypes, calls);
    }

    private static string? CalledName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        GenericNameSyntax generic => generic.Identifier.ValueText,
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// The values passed for a parameter at every call of its method in the project (the parameter's default value
    /// where a call leaves it out). A call site is bound once, when it is asked for.
    /// </summary>
    public IEnumerable<IOperation> ArgumentsFor(IParameterSymbol parameter, CancellationToken cancellationToken)
    {
        if (parameter.ContainingSymbol is not IMethodSymbol method || !Get(cancellationToken).Calls.TryGetValue(method.Name, out List<SyntaxNode>? calls))
        {
            yield break;
        }

        foreach (SyntaxNode call in calls)
        {
            cancellationToken.ThrowIfCancellationRequested();
#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            if (_compilation.GetSemanticModel(call.SyntaxTree).GetOperation(call, cancellationToken) is not IInvocationOperation invocation
#pragma warning restore RS1030
                || !SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.OriginalDefinition, method.OriginalDefinition))
            {
                continue;
            }

            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (argument.Parameter?.Ordinal == parameter.Ordinal && argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    yield return argument.Value;
                }
            }
        }
    }

    /// <summary>What a method of the project returns: its expression body, or the values of its return statements.</summary>
    public IEnumerable<IOperation> Returns(IMethodSymbol method, CancellationToken cancellationToken)
    {
        foreach (SyntaxReference reference in method.OriginalDefinition.DeclaringSyntaxReferences)
        {
            SyntaxNode syntax = reference.GetSyntax(cancellationToken);
            if (!_compilation.ContainsSyntaxTree(syntax.SyntaxTree))
            {
                continue;
            }

#pragma warning disable RS1030 // Do not invoke Compilation.GetSemanticModel() method within a diagnostic analyzer
            if (_compilation.GetSemanticModel(syntax.SyntaxTree).GetOperation(syntax, cancellationToken) is not { } body)
#pragma warning restore RS1030
            {
                continue;
            }

            foreach (IOperation operation in body.DescendantsAndSelf())
            {
                if (operation is IReturnOperation { ReturnedValue: { } returned, Kind: OperationKind.Return })
                {
                    yield return returned;
                }
            }
        }
    }

    /// <summary>
    /// Whether a finding about a value followed from elsewhere (a literal passed down to a parameter) is the first at
    /// its location: several payloads may reach the same literal, and it is reported once.
    /// </summary>
    public bool FirstAt(string ruleId, Location location) => _reported.TryAdd((ruleId, location), true);

    /// <summary><c>Person</c> for <c>Person?</c>, <c>List&lt;Person&gt;</c> or <c>Person[]</c>.</summary>
    private static string? TypeName(TypeSyntax type) => type switch
    {
        NullableTypeSyntax nullable => TypeName(nullable.ElementType),
        ArrayTypeSyntax array => TypeName(array.ElementType),
        GenericNameSyntax generic when generic.TypeArgumentList.Arguments.Count == 1 => TypeName(generic.TypeArgumentList.Arguments[0]),
        QualifiedNameSyntax qualified => TypeName(qualified.Right),
        SimpleNameSyntax simple => simple.Identifier.ValueText,
        _ => null,
    };

    /// <summary>
    /// Whether the project sends objects of this type as <c>user_data</c>: some property named or attributed
    /// <c>user_data</c> has it as its type.
    /// </summary>
    public bool IsSentAsUserData(ITypeSymbol type, CancellationToken cancellationToken) => Get(cancellationToken).UserDataTypes.Contains(type.Name);

    private static string? Name(ExpressionSyntax target) => target switch
    {
        MemberAccessExpressionSyntax member => member.Name.Identifier.ValueText,
        MemberBindingExpressionSyntax binding => binding.Name.Identifier.ValueText,
        IdentifierNameSyntax identifier => identifier.Identifier.ValueText,
        _ => null,
    };

    /// <summary><c>EventSourceUrl</c> to <c>event_source_url</c>, as <c>JsonNamingPolicy.SnakeCaseLower</c> does for plain names.</summary>
    public static string SnakeCase(string name)
    {
        System.Text.StringBuilder snake = new(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))))
                {
                    snake.Append('_');
                }

                snake.Append(char.ToLowerInvariant(c));
            }
            else
            {
                snake.Append(c);
            }
        }

        return snake.ToString();
    }

    private const string UserDataKey = "user_data";

    private sealed class Scan
    {
        public Scan(HashSet<string> written, bool snakeCasePolicy, HashSet<string> userDataTypes, Dictionary<string, List<SyntaxNode>> calls)
        {
            Calls = calls;
            Written = written;
            SnakeCasePolicy = snakeCasePolicy;
            UserDataTypes = userDataTypes;
        }

        public HashSet<string> UserDataTypes { get; }

        public Dictionary<string, List<SyntaxNode>> Calls { get; }

        public HashSet<string> Written { get; }

        public bool SnakeCasePolicy { get; }
    }
}

/// <summary>
/// Where a value comes from: the constants that can reach it through every branch of <c>?:</c>, <c>??</c> and
/// <c>switch</c> expressions, the locals of its method, and the parameters of the methods it is passed through, to a
/// bounded depth of calls (<see cref="MaxCalls"/>).
/// </summary>
internal static class ValueSources
{
    public const int MaxCalls = 4;

    public static IEnumerable<IOperation> Constants(IOperation value, ProjectConventions conventions, CancellationToken cancellationToken)
    {
        List<IOperation> found = new();
        Walk(value, conventions, found, calls: 0, steps: 0, cancellationToken);
        return found;
    }

    private static void Walk(IOperation value, ProjectConventions conventions, List<IOperation> found, int calls, int steps, CancellationToken cancellationToken)
    {
        if (steps > 32)
        {
            return;
        }

        value = HashedValueRecognizer.Unwrap(value);
        if (value.ConstantValue.HasValue)
        {
            found.Add(value);
            return;
        }

        switch (value)
        {
            case IConditionalOperation conditional:
                Walk(conditional.WhenTrue, conventions, found, calls, steps + 1, cancellationToken);
                if (conditional.WhenFalse is { } whenFalse)
                {
                    Walk(whenFalse, conventions, found, calls, steps + 1, cancellationToken);
                }

                break;
            case ICoalesceOperation coalesce:
                Walk(coalesce.Value, conventions, found, calls, steps + 1, cancellationToken);
                Walk(coalesce.WhenNull, conventions, found, calls, steps + 1, cancellationToken);
                break;
            case ISwitchExpressionOperation switchExpression:
                foreach (ISwitchExpressionArmOperation arm in switchExpression.Arms)
                {
                    Walk(arm.Value, conventions, found, calls, steps + 1, cancellationToken);
                }

                break;
            case IParameterReferenceOperation parameter when calls < MaxCalls:
                foreach (IOperation argument in conventions.ArgumentsFor(parameter.Parameter, cancellationToken))
                {
                    Walk(argument, conventions, found, calls + 1, steps + 1, cancellationToken);
                }

                break;
            case IInvocationOperation { TargetMethod: var method } when calls < MaxCalls && !method.DeclaringSyntaxReferences.IsEmpty:
                foreach (IOperation returned in conventions.Returns(method, cancellationToken))
                {
                    Walk(returned, conventions, found, calls + 1, steps + 1, cancellationToken);
                }

                break;
            case ILocalReferenceOperation local:
                foreach (IOperation assigned in LocalValues(local, cancellationToken))
                {
                    Walk(assigned, conventions, found, calls, steps + 1, cancellationToken);
                }

                break;
        }
    }

    /// <summary>What a local is initialized with and assigned in its method.</summary>
    private static IEnumerable<IOperation> LocalValues(ILocalReferenceOperation local, CancellationToken cancellationToken)
    {
        IOperation root = local;
        while (root.Parent is { } parent)
        {
            root = parent;
        }

        foreach (IOperation operation in root.DescendantsAndSelf())
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (operation)
            {
                case IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator when SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local):
                    yield return initial;
                    break;
                case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when SymbolEqualityComparer.Default.Equals(target.Local, local.Local):
                    yield return assignment.Value;
                    break;
            }
        }
    }
}
