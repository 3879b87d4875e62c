using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>A payload object written in C#: one <see cref="PayloadContainer"/> of a method's <see cref="PayloadGraph"/>.</summary>
internal sealed class OperationPayload : PayloadObject
{
    private readonly PayloadContainer _container;
    private readonly PayloadGraph _graph;
    private readonly HashedValueRecognizer _recognizer;
    private IReadOnlyList<PayloadValue>? _values;

    public OperationPayload(PayloadContainer container, PayloadGraph graph, HashedValueRecognizer recognizer)
    {
        _container = container;
        _graph = graph;
        _recognizer = recognizer;
    }

    public PayloadContainer Container => _container;

    public override Location Location => _container.Location;

    public override ContainerStyle Style => _container.Style;

    public override IReadOnlyList<PayloadValue> Values => _values ??= _container.Entries.Select(e => (PayloadValue)new OperationValue(e.Key, e.Value, _recognizer, _graph)).ToList();

    public override bool Declares(string key) => _container.DeclaresJsonName(key);

    /// <summary>
    /// What is sent, not what is declared: a DTO created here sends a declared property only when a value reaches
    /// it (the creation, a write of this method, a default value, a computed getter, or a write elsewhere in the
    /// project). An object the method only receives may have been filled anywhere, so what it declares counts.
    /// </summary>
    public override bool MaySend(string key)
    {
        if (_container.Find(key) is not null || _container.FilledElsewhere)
        {
            return true;
        }

        if (!_container.DeclaresJsonName(key))
        {
            return false;
        }

        return _container.CreatedType is not { } type || _graph.Conventions is not { } conventions
            || conventions.MaySendUnwritten(type, MemberOf(key), _graph.CancellationToken);
    }

    /// <summary>A key the object's writes do not set, but its type's declaration gives a default value.</summary>
    public override PayloadValue? Find(string key)
    {
        if (base.Find(key) is { } written)
        {
            return written;
        }

        return _container.CreatedType is { } type && _container.DeclaresJsonName(key) && _graph.Conventions is { } conventions
            && conventions.Default(type, MemberOf(key), _graph.CancellationToken) is { } declared
            ? new DeclaredDefault(key, declared)
            : null;
    }

    private string MemberOf(string key) => _container.JsonNames.First(pair => pair.Value == key).Key;

    public override PayloadObject? Child(string key) =>
        _container.Find(key) is { } entry && _graph.Resolve(entry.Value, 0).FirstOrDefault() is { } child ? new OperationPayload(child, _graph, _recognizer) : null;

    /// <summary>
    /// A property's default value (<c>= "website"</c>): what the object sends for the key, read where it is declared.
    /// It has no operation of the method to fix, so rules that report at a written value leave it to the declaration's
    /// own checks (a member write there is reported once, not once per creation).
    /// </summary>
    private sealed class DeclaredDefault : PayloadValue
    {
        private readonly IOperation _value;

        public DeclaredDefault(string key, IOperation value)
            : base(key) => _value = value;

        public override Location Location => _value.Syntax.GetLocation();

        public override string? Text => ValueInspection.ConstantString(_value);

        public override bool IsNull => _value.ConstantValue is { HasValue: true, Value: null };

        public override int? Count => ValueInspection.Count(_value);

        public override IEnumerable<PayloadValue> Items => new[] { this };

        public override HashState Hash => HashState.Unknown;

        public override EventTimeEvaluator.TimeValue Time => EventTimeEvaluator.Evaluate(_value);

        public override IOperation? Operation => null;
    }

    private sealed class OperationValue : PayloadValue
    {
        private readonly IOperation _value;
        private readonly HashedValueRecognizer _recognizer;
        private readonly PayloadGraph _graph;

        public OperationValue(string key, IOperation value, HashedValueRecognizer recognizer, PayloadGraph graph)
            : base(key)
        {
            _value = value;
            _recognizer = recognizer;
            _graph = graph;
        }

        public override bool IsEnumName
        {
            get
            {
                IOperation current = HashedValueRecognizer.Unwrap(_value);
                while (current is IInvocationOperation { Instance: { } instance, TargetMethod: var method })
                {
                    if (method.Name == "ToString" && method.Parameters.Length == 0 && instance.Type?.TypeKind == TypeKind.Enum)
                    {
                        return true;
                    }

                    if (method.ContainingType?.SpecialType != SpecialType.System_String || method.Name is not ("Replace" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim"))
                    {
                        return false;
                    }

                    current = HashedValueRecognizer.Unwrap(instance);
                }

                return false;
            }
        }

        public override IEnumerable<PayloadValue> Sources => _graph.Conventions is { } conventions
            ? ValueSources.Constants(_value, conventions, _graph.CancellationToken).Select(source => new OperationValue(Key, source, _recognizer, _graph))
            : Enumerable.Empty<PayloadValue>();

        public override Location Location => _value.Syntax.GetLocation();

        public override string? Text => ValueInspection.ConstantString(_value);

        public override bool IsNull => _value.ConstantValue is { HasValue: true, Value: null };

        public override int? Count => ValueInspection.Count(_value);

        public override IEnumerable<PayloadValue> Items => ItemOperations(_value).Select(item => new OperationValue(Key, item, _recognizer, _graph));

        // Personal data is text; a number or a flag under "ph" is something else (a pH reading, say).
        public override HashState Hash =>
            _value.Type is { IsValueType: true } ? HashState.Unknown
            : _recognizer.Classify(_value) == HashedValueRecognizer.Verdict.Raw ? HashState.Raw
            : HashState.Unknown;

        public override EventTimeEvaluator.TimeValue Time =>
            Key == "event_time" && DateSentAsText(_value) is { } type
                ? new EventTimeEvaluator.TimeValue(
                    EventTimeEvaluator.Kind.DateText,
                    0,
                    $"this is a {type}, which System.Text.Json and Newtonsoft.Json write as an ISO 8601 date string, not a number; send a long from ToUnixTimeSeconds()")
                : EventTimeEvaluator.Evaluate(_value);

        public override Normalization? HashedWith => _recognizer.HashedWith(_value);

        public override Location HashLocation => _recognizer.HashingSite(_value).Syntax.GetLocation();

        public override bool MayBeNull => UncheckedNullableRead(_value);

        /// <summary>
        /// A property, field, local or parameter of a nullable value type, read as it is (no <c>??</c>, no
        /// <c>.Value</c>), and never tested in the enclosing method: no <c>.HasValue</c>, <c>.Value</c>,
        /// <c>GetValueOrDefault</c>, comparison with null, pattern or <c>??</c> on the same expression.
        /// </summary>
        private static bool UncheckedNullableRead(IOperation value)
        {
            IOperation read = value;
            while (read is IConversionOperation { IsImplicit: true } conversion)
            {
                read = conversion.Operand;
            }

            if (read.Type is not INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T }
                || read is not (IPropertyReferenceOperation or IFieldReferenceOperation or ILocalReferenceOperation or IParameterReferenceOperation)
                || read.ConstantValue.HasValue)
            {
                return false;
            }

            SyntaxNode? body = read.Syntax.Ancestors().FirstOrDefault(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.MemberDeclarationSyntax);
            if (body is null)
            {
                return false;
            }

            string text = read.Syntax.ToString();
            foreach (Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax same in body.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.ExpressionSyntax>())
            {
                if (same == read.Syntax || same.ToString() != text)
                {
                    continue;
                }

                SyntaxNode? parent = same.Parent;
                if (parent is Microsoft.CodeAnalysis.CSharp.Syntax.MemberAccessExpressionSyntax access && access.Expression == same
                        && access.Name.Identifier.ValueText is "HasValue" or "Value" or "GetValueOrDefault"
                    || parent is Microsoft.CodeAnalysis.CSharp.Syntax.BinaryExpressionSyntax
                    || parent is Microsoft.CodeAnalysis.CSharp.Syntax.IsPatternExpressionSyntax
                    || parent is Microsoft.CodeAnalysis.CSharp.Syntax.AssignmentExpressionSyntax assignment && assignment.Left == same)
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// The name of the date type (DateTime, DateTimeOffset) the value is sent as, when it reaches the payload as
        /// that type (directly, boxed, as a nullable or as a JToken/JsonNode made from it) and nothing in sight
        /// converts it: no [JsonConverter] on the member written or on its type. Null otherwise.
        /// </summary>
        private static string? DateSentAsText(IOperation value)
        {
            IOperation current = value;
            while (true)
            {
                if (current.Type is { } type && DateTypeName(type) is { } name)
                {
                    return HasConverter(value) ? null : name;
                }

                if (current is not IConversionOperation { IsImplicit: true } conversion
                    || conversion.Type is { } target && !(target.SpecialType == SpecialType.System_Object || target.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T
                        || target.Name is "JToken" or "JValue" or "JsonNode" or "JsonValue"))
                {
                    return null;
                }

                current = conversion.Operand;
            }
        }

        private static string? DateTypeName(ITypeSymbol type)
        {
            if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T, TypeArguments.Length: 1 } nullable)
            {
                type = nullable.TypeArguments[0];
            }

            return type.SpecialType == SpecialType.System_DateTime ? "DateTime"
                : type is { Name: "DateTimeOffset", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } ? "DateTimeOffset"
                : null;
        }

        private static bool HasConverter(IOperation value)
        {
            ISymbol? member = value.Parent switch
            {
                IAssignmentOperation { Target: IMemberReferenceOperation target } => target.Member,
                IPropertyInitializerOperation { InitializedProperties.Length: > 0 } initializer => initializer.InitializedProperties[0],
                IFieldInitializerOperation { InitializedFields.Length: > 0 } initializer => initializer.InitializedFields[0],
                _ => null,
            };
            ITypeSymbol? memberType = member switch { IPropertySymbol p => p.Type, IFieldSymbol f => f.Type, _ => null };
            return member is not null && (IsConverted(member) || memberType is not null && IsConverted(memberType));
        }

        private static bool IsConverted(ISymbol symbol) =>
            symbol.GetAttributes().Any(a => a.AttributeClass?.Name is "JsonConverterAttribute" or "JsonConverter");

        public override IOperation? Operation => _value;

        private static bool IsSequence(IOperation value) =>
            HashedValueRecognizer.Unwrap(value) is IArrayCreationOperation || HashedValueRecognizer.Unwrap(value).Kind.ToString() == "CollectionExpression";

        private static IEnumerable<IOperation> ItemOperations(IOperation value)
        {
            IOperation unwrapped = HashedValueRecognizer.Unwrap(value);
            return unwrapped switch
            {
                IArrayCreationOperation array => array.Initializer?.ElementValues ?? Enumerable.Empty<IOperation>(),
                IObjectCreationOperation { Initializer: { } initializer } when initializer.Initializers.Length > 0 && initializer.Initializers.All(i => i is IInvocationOperation { Arguments.Length: 1 }) =>
                    initializer.Initializers.Cast<IInvocationOperation>().Select(i => i.Arguments[0].Value),
                _ when unwrapped.Kind.ToString() == "CollectionExpression" => unwrapped.ChildOperations,

                // `mail is null ? null : [mail]`: the items of every branch that sends something.
                IConditionalOperation { WhenFalse: { } whenFalse } conditional when IsSequence(conditional.WhenTrue) || IsSequence(whenFalse) =>
                    new[] { conditional.WhenTrue, whenFalse }.Where(b => !b.ConstantValue.HasValue).SelectMany(ItemOperations),
                _ => new[] { value },
            };
        }
    }
}
