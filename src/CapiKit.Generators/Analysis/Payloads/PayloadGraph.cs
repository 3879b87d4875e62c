using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// The hand-built JSON objects of one method body and how they nest: anonymous objects, string-keyed dictionaries,
/// JsonObject and DTOs whose properties carry JSON names, filled in initializers or later through a local
/// (<c>user["em"] = email; payload["user_data"] = user;</c>). Built from operations, so every C# spelling of the
/// same shape looks alike.
/// </summary>
internal sealed class PayloadGraph
{
    private readonly KnownSymbols _symbols;
    private readonly Dictionary<object, PayloadContainer> _containers = new();
    private readonly Dictionary<ISymbol, object> _aliases = new(SymbolEqualityComparer.Default);

    private readonly List<IOperation> _creations = new();
    private readonly List<IOperation> _localWrites = new();
    private readonly List<IOperation> _memberWrites = new();
    private readonly List<IOperation> _composedTexts = new();
    private bool _writesUserDataAsText;

    public PayloadGraph(KnownSymbols symbols, ProjectConventions? conventions = null, System.Threading.CancellationToken cancellationToken = default)
    {
        _symbols = symbols;
        Conventions = conventions;
        CancellationToken = cancellationToken;
    }

    /// <summary>What the project says about JSON names and writes beyond this method, when known.</summary>
    public ProjectConventions? Conventions { get; }

    public System.Threading.CancellationToken CancellationToken { get; }

    /// <summary>The JSON name of a DTO property: from an attribute, else from the project's conventions; null when ignored.</summary>
    private string? JsonName(IPropertySymbol property) =>
        _symbols.JsonName(property) is { } named ? named
        : KnownSymbols.IsJsonIgnored(property) ? null
        : Conventions?.ImplicitName(property, CancellationToken);

    /// <summary>Takes note of an operation of the method body; <see cref="Build"/> puts them together at the end.</summary>
    public void Collect(IOperation operation)
    {
        switch (operation)
        {
            case IAnonymousObjectCreationOperation or IObjectCreationOperation:
                _creations.Add(operation);
                break;
            case IVariableDeclaratorOperation:
                _localWrites.Add(operation);
                break;
            case ISimpleAssignmentOperation { Target: ILocalReferenceOperation }:
                _localWrites.Add(operation);
                break;
            case ISimpleAssignmentOperation or IInvocationOperation:
                _memberWrites.Add(operation);
                break;
            case ILiteralOperation literal:
                _writesUserDataAsText |= JsonTextFragments.MentionsUserData(literal.ConstantValue.Value as string);
                break;
            case IInterpolatedStringOperation or IBinaryOperation when JsonTextFragments.IsComposedText(operation):
                _composedTexts.Add(operation);
                break;
        }
    }

    /// <summary>
    /// Builds the graph in dependency order (objects, then what locals hold, then writes through locals), whatever
    /// order the operations were reported in, and links nested objects to the keys they sit under.
    /// </summary>
    public void Build()
    {
        foreach (IOperation creation in _creations)
        {
            AddCreation(creation);
        }

        foreach (IOperation write in _localWrites)
        {
            if (write is IVariableDeclaratorOperation declarator)
            {
                AddDeclarator(declarator);
            }
            else
            {
                AddAssignment((ISimpleAssignmentOperation)write);
            }
        }

        foreach (IOperation write in _memberWrites)
        {
            if (write is ISimpleAssignmentOperation assignment)
            {
                AddAssignment(assignment);
            }
            else
            {
                AddInvocation((IInvocationOperation)write);
            }
        }

        Link();
        AddJsonText();
    }

    /// <summary>
    /// When the method writes an event as text (a constant piece of it names <c>"user_data"</c>), the keys its composed
    /// texts write before C# values make one more object, sent as user_data: the rules about values see them.
    /// </summary>
    private void AddJsonText()
    {
        if (!_writesUserDataAsText)
        {
            return;
        }

        PayloadContainer? written = null;
        foreach (IOperation text in _composedTexts)
        {
            foreach ((string key, IOperation value) in JsonTextFragments.Entries(text))
            {
                written ??= ContainerFor(_composedTexts, text.Syntax.GetLocation());
                written.Entries.Add(new PayloadEntry(key, value));
            }
        }

        if (written is not null)
        {
            written.ValuesOnly = true;
            written.ParentKeys.Add("user_data");
        }
    }

    /// <summary>Every value assigned to each local of the method, for the hashed-value recognizer.</summary>
    public Dictionary<ISymbol, List<IOperation>> LocalValues { get; } = new(SymbolEqualityComparer.Default);

    public IEnumerable<PayloadContainer> Containers => _containers.Values.Distinct();

    private void AddCreation(IOperation creation)
    {
        switch (creation)
        {
            case IAnonymousObjectCreationOperation anonymous:
                PayloadContainer container = Container(anonymous, ContainerStyle.Anonymous);
                foreach (IOperation initializer in anonymous.Initializers)
                {
                    if (initializer is ISimpleAssignmentOperation { Target: IPropertyReferenceOperation property } assignment)
                    {
                        container.Entries.Add(new PayloadEntry(property.Property.Name, assignment.Value));
                    }
                }

                break;
            case IObjectCreationOperation objectCreation:
                AddObjectCreation(objectCreation);
                break;
        }
    }

    private void AddObjectCreation(IObjectCreationOperation creation)
    {
        bool isMap = IsStringKeyedMap(creation.Type);
        List<PayloadEntry> entries = new();
        ContainerStyle style = ContainerStyle.Other;
        foreach (IOperation initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            switch (initializer)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 1 } indexer } assignment
                    when isMap && Key(indexer.Arguments[0].Value) is string indexKey:
                    entries.Add(new PayloadEntry(indexKey, assignment.Value));
                    style = ContainerStyle.IndexerInitializer;
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 0 } property } assignment
                    when JsonName(property.Property) is string jsonName:
                    entries.Add(new PayloadEntry(jsonName, assignment.Value));
                    break;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Arguments.Length: 0 } property } assignment
                    when KnownSymbols.IsJsonIgnored(property.Property):
                    foreach (string computed in ComputedOver(property.Property))
                    {
                        entries.Add(new PayloadEntry(computed, assignment.Value));
                    }

                    break;
                case IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 2 } add when isMap && Key(add.Arguments[0].Value) is string addKey:
                    entries.Add(new PayloadEntry(addKey, add.Arguments[1].Value));
                    style = ContainerStyle.CollectionInitializer;
                    break;
            }
        }

        // Positional records: new UserDataDto(Em: email) where the Em property carries [JsonPropertyName("em")].
        if (creation.Type is INamedTypeSymbol type)
        {
            foreach (IArgumentOperation argument in creation.Arguments)
            {
                if (argument.Parameter is { } parameter
                    && type.GetMembers(parameter.Name).OfType<IPropertySymbol>().FirstOrDefault() is { } property
                    && JsonName(property) is string jsonName)
                {
                    entries.Add(new PayloadEntry(jsonName, argument.Value));
                }
            }
        }

        if (entries.Count > 0 || isMap)
        {
            PayloadContainer container = Container(creation, style);
            container.Entries.AddRange(entries);
            Describe(container, creation.Type);
        }
    }

    /// <summary>
    /// The JSON names of the getter-only properties of the type that send an ignored backing property as it is
    /// (<c>[JsonPropertyName("ph")] List&lt;string&gt;? Ph =&gt; PhoneHash is null ? null : [PhoneHash]</c> over
    /// <c>[JsonIgnore] string? PhoneHash</c>): a value written to the backing property is what they send. A getter
    /// that calls anything (a hash, a format) transforms the value, and is left out.
    /// </summary>
    private IEnumerable<string> ComputedOver(IPropertySymbol ignored)
    {
        foreach (IPropertySymbol computed in ignored.ContainingType.GetMembers().OfType<IPropertySymbol>())
        {
            if (computed.SetMethod is not null || computed.IsStatic || SymbolEqualityComparer.Default.Equals(computed, ignored) || JsonName(computed) is not string jsonName)
            {
                continue;
            }

            foreach (SyntaxReference reference in computed.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(CancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.PropertyDeclarationSyntax { ExpressionBody.Expression: { } body }
                    && !body.DescendantNodesAndSelf().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.InvocationExpressionSyntax or Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.AddExpression } or Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringExpressionSyntax)
                    && body.DescendantNodesAndSelf().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == ignored.Name))
                {
                    yield return jsonName;
                }
            }
        }
    }

    /// <summary><c>x["key"] = value</c> and <c>x.Property = value</c> after creation.</summary>
    private void AddAssignment(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Parent is IObjectOrCollectionInitializerOperation || assignment.Parent is IAnonymousObjectCreationOperation)
        {
            return;
        }

        if (assignment.Target is ILocalReferenceOperation local)
        {
            Remember(local.Local, assignment.Value);
            return;
        }

        if (AddElementWrite(assignment))
        {
            return;
        }

        if (assignment.Target is IPropertyReferenceOperation { Instance: { } instance } property && Identity(instance) is object owner)
        {
            string? key = property.Arguments.Length == 1 && IsStringKeyedMap(instance.Type)
                ? Key(property.Arguments[0].Value)
                : property.Arguments.Length == 0 ? JsonName(property.Property) : null;
            if (key is not null)
            {
                ContainerFor(owner, assignment.Syntax.GetLocation()).Entries.Add(new PayloadEntry(key, assignment.Value));
            }
        }
    }

    /// <summary>
    /// An element written into a DTO's list or array property, directly or through a local that holds it
    /// (<c>var mails = dto.UserData.Email; mails[i] = Sha(mails[i]);</c>): the value is sent under the property's JSON
    /// name, in an object of the property's type (<see cref="PayloadContainer.ValuesOnly"/>).
    /// </summary>
    private bool AddElementWrite(ISimpleAssignmentOperation assignment)
    {
        IOperation? list = assignment.Target switch
        {
            IPropertyReferenceOperation { Arguments.Length: 1, Instance: { } instance } when !IsStringKeyedMap(instance.Type) => instance,
            IArrayElementReferenceOperation element => element.ArrayReference,
            _ => null,
        };
        if (list is null || ListProperty(list, 0) is not { } property || JsonName(property) is not string key)
        {
            return false;
        }

        PayloadContainer elements = ContainerFor(new ElementsOf(property.ContainingType), assignment.Syntax.GetLocation());
        if (!elements.ValuesOnly)
        {
            elements.ValuesOnly = true;
            Describe(elements, property.ContainingType);
        }

        elements.Entries.Add(new PayloadEntry(key, assignment.Value));
        return true;
    }

    /// <summary>Records the type an object is of, and the JSON names its properties declare.</summary>
    private void Describe(PayloadContainer container, ITypeSymbol? type)
    {
        container.CreatedType = type;
        foreach (IPropertySymbol property in type?.GetMembers().OfType<IPropertySymbol>() ?? Enumerable.Empty<IPropertySymbol>())
        {
            if (JsonName(property) is string jsonName)
            {
                container.JsonNames[property.Name] = jsonName;
            }
        }
    }

    /// <summary>The DTO property a list is read from, itself or through a local assigned once.</summary>
    private IPropertySymbol? ListProperty(IOperation list, int depth) => HashedValueRecognizer.Unwrap(list) switch
    {
        IPropertyReferenceOperation { Arguments.Length: 0, Property: var property } => property,
        ILocalReferenceOperation local when depth < 3 && LocalValues.TryGetValue(local.Local, out List<IOperation>? values) && values.Count == 1 => ListProperty(values[0], depth + 1),
        _ => null,
    };

    /// <summary>The owner of the elements written into lists of one DTO type.</summary>
    private sealed record ElementsOf(ITypeSymbol Type);

    /// <summary><c>x.Add("key", value)</c> on a string-keyed map after creation.</summary>
    private void AddInvocation(IInvocationOperation invocation)
    {
        // A map handed to a helper of the project may be filled there.
        if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
        {
            foreach (IArgumentOperation argument in invocation.Arguments)
            {
                if (IsStringKeyedMap(argument.Value.Type) && Identity(argument.Value) is object passed && _containers.TryGetValue(passed, out PayloadContainer? filled))
                {
                    filled.FilledElsewhere = true;
                }
            }
        }

        if (invocation.TargetMethod.Name == "Add" && invocation.Arguments.Length == 2 && invocation.Instance is { } instance
            && invocation.Parent is not IObjectOrCollectionInitializerOperation
            && IsStringKeyedMap(instance.Type) && Key(invocation.Arguments[0].Value) is string key && Identity(instance) is object owner)
        {
            ContainerFor(owner, invocation.Syntax.GetLocation()).Entries.Add(new PayloadEntry(key, invocation.Arguments[1].Value));
        }
    }

    private void AddDeclarator(IVariableDeclaratorOperation declarator)
    {
        if (declarator.Initializer?.Value is { } value)
        {
            Remember(declarator.Symbol, value);
        }
    }

    /// <summary>Links nested objects to the keys they sit under, once every operation of the body has been seen.</summary>
    private void Link()
    {
        foreach (PayloadContainer container in Containers.ToArray())
        {
            foreach (PayloadEntry entry in container.Entries)
            {
                foreach (PayloadContainer child in Resolve(entry.Value, 0))
                {
                    child.ParentKeys.Add(entry.Key);
                }
            }
        }
    }

    /// <summary>The hand-built objects a value is, or holds as array items.</summary>
    public IEnumerable<PayloadContainer> Resolve(IOperation value, int depth)
    {
        if (depth > 6)
        {
            yield break;
        }

        value = HashedValueRecognizer.Unwrap(value);
        if (_containers.TryGetValue(value, out PayloadContainer? direct))
        {
            yield return direct;
            yield break;
        }

        if (value is ILocalReferenceOperation local && Identity(local) is object owner && _containers.TryGetValue(owner, out PayloadContainer? byLocal))
        {
            yield return byLocal;
            yield break;
        }

        foreach (IOperation item in Items(value))
        {
            foreach (PayloadContainer nested in Resolve(item, depth + 1))
            {
                yield return nested;
            }
        }
    }

    /// <summary>The items of an array, list or collection expression, or the branches of a conditional.</summary>
    private static IEnumerable<IOperation> Items(IOperation value) => value switch
    {
        IArrayCreationOperation array => array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>(),
        IObjectCreationOperation list => list.Initializer?.Initializers.OfType<IInvocationOperation>().SelectMany(i => i.Arguments.Select(a => a.Value)) ?? Enumerable.Empty<IOperation>(),
        IConditionalOperation conditional => conditional.WhenFalse is null ? new[] { conditional.WhenTrue } : new[] { conditional.WhenTrue, conditional.WhenFalse },
        _ when value.Kind.ToString() == "CollectionExpression" => value.ChildOperations,
        _ => Enumerable.Empty<IOperation>(),
    };

    private void Remember(ISymbol local, IOperation value)
    {
        if (!LocalValues.TryGetValue(local, out List<IOperation>? values))
        {
            LocalValues[local] = values = new List<IOperation>();
        }

        values.Add(value);
        IOperation unwrapped = HashedValueRecognizer.Unwrap(value);
        if (_containers.ContainsKey(unwrapped) && !_aliases.ContainsKey(local))
        {
            _aliases[local] = unwrapped;
        }
    }

    /// <summary>What a receiver stands for: the creation a local was initialized with, or the variable itself.</summary>
    private object? Identity(IOperation instance)
    {
        if (HashedValueRecognizer.Unwrap(instance) is IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } } member)
        {
            return MemberIdentity(member, 0);
        }

        ISymbol? symbol = HashedValueRecognizer.Unwrap(instance) switch
        {
            ILocalReferenceOperation local => local.Local,
            IParameterReferenceOperation parameter => parameter.Parameter,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (symbol is null)
        {
            return null;
        }

        return _aliases.TryGetValue(symbol, out object? creation) ? creation : symbol;
    }

    /// <summary>
    /// <c>data.user_data</c> in <c>data.user_data.em = email</c>: the object held under a key of another object, so
    /// writes through a chain of members land in the object the outer one sends.
    /// </summary>
    private object? MemberIdentity(IPropertyReferenceOperation member, int depth)
    {
        if (depth > 4 || member.Instance is null || JsonName(member.Property) is not string key)
        {
            return null;
        }

        object? outer = HashedValueRecognizer.Unwrap(member.Instance) is IPropertyReferenceOperation { Arguments.Length: 0, Instance: { } } inner
            ? MemberIdentity(inner, depth + 1)
            : Identity(member.Instance);
        if (outer is null)
        {
            return null;
        }

        PayloadContainer outerContainer = ContainerFor(outer, member.Syntax.GetLocation());
        PayloadEntry? entry = outerContainer.Find(key);
        if (entry is null)
        {
            entry = new PayloadEntry(key, member);
            outerContainer.Entries.Add(entry);
        }

        foreach (PayloadContainer existing in Resolve(entry.Value, 0))
        {
            foreach (KeyValuePair<object, PayloadContainer> pair in _containers)
            {
                if (ReferenceEquals(pair.Value, existing))
                {
                    return pair.Key;
                }
            }
        }

        object slot = HashedValueRecognizer.Unwrap(entry.Value);
        ContainerFor(slot, member.Syntax.GetLocation());
        return slot;
    }

    private PayloadContainer ContainerFor(object owner, Location location) =>
        _containers.TryGetValue(owner, out PayloadContainer? existing) ? existing : _containers[owner] = new PayloadContainer(location, ContainerStyle.Other);

    private PayloadContainer Container(IOperation creation, ContainerStyle style)
    {
        if (!_containers.TryGetValue(creation, out PayloadContainer? container))
        {
            _containers[creation] = container = new PayloadContainer(creation.Syntax.GetLocation(), style);
        }

        return container;
    }

    private bool IsStringKeyedMap(ITypeSymbol? type)
    {
        if (type is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, _symbols.JsonObject))
        {
            return true;
        }

        foreach (INamedTypeSymbol candidate in new[] { type }.Concat(type.AllInterfaces).OfType<INamedTypeSymbol>())
        {
            if (candidate.Name is "IDictionary" or "IReadOnlyDictionary" && candidate.TypeArguments.Length == 2
                && candidate.TypeArguments[0].SpecialType == SpecialType.System_String)
            {
                return true;
            }
        }

        return false;
    }

    private static string? Key(IOperation operation) =>
        operation.ConstantValue.HasValue ? operation.ConstantValue.Value as string : null;
}
