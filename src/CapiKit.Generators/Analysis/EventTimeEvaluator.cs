using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis;

/// <summary>
/// What an <c>event_time</c> expression is, where it can be known at compile time: "now" plus or minus a constant
/// span, a fixed instant, or a value in the wrong unit (milliseconds, ticks, local time).
/// </summary>
internal static class EventTimeEvaluator
{
    private const long SecondsPerDay = 86_400;

    /// <summary>The kinds of compile-time knowledge about an event time.</summary>
    public enum Kind
    {
        Unknown,

        /// <summary>The current time plus <see cref="TimeValue.Seconds"/>.</summary>
        Relative,

        /// <summary>A fixed instant, <see cref="TimeValue.Seconds"/> since the Unix epoch.</summary>
        Absolute,

        Milliseconds,
        Ticks,
        LocalTime,

        /// <summary>A DateTime or DateTimeOffset sent as it is: serializers write it as an ISO 8601 string, not a number.</summary>
        DateText,
    }

    /// <summary>An evaluated time.</summary>
    public readonly record struct TimeValue(Kind Kind, long Seconds, string? Detail = null)
    {
        public static readonly TimeValue Unknown = new(Kind.Unknown, 0);
    }

    public static TimeValue Evaluate(IOperation operation) => Evaluate(operation, 0);

    private static TimeValue Evaluate(IOperation operation, int depth)
    {
        if (depth > 12)
        {
            return TimeValue.Unknown;
        }

        operation = HashedValueRecognizer.Unwrap(operation);
        if (operation.ConstantValue.HasValue && operation.ConstantValue.Value is { } constant && IsInteger(constant))
        {
            return FromNumber(Convert.ToDecimal(constant, System.Globalization.CultureInfo.InvariantCulture));
        }

        switch (operation)
        {
            case IPropertyReferenceOperation property:
                return EvaluateProperty(property, depth);
            case IInvocationOperation invocation:
                return EvaluateInvocation(invocation, depth);
            case IObjectCreationOperation creation:
                return EvaluateCreation(creation);
            case IBinaryOperation binary:
                return EvaluateBinary(binary, depth);
            default:
                return TimeValue.Unknown;
        }
    }

    private static TimeValue FromNumber(decimal value)
    {
        if (value >= 10_000_000_000_000_000m)
        {
            return new TimeValue(Kind.Ticks, 0, "a tick count");
        }

        if (value >= 100_000_000_000m)
        {
            return new TimeValue(Kind.Milliseconds, (long)(value / 1000m), $"{value} has {value.ToString(System.Globalization.CultureInfo.InvariantCulture).Length} digits: milliseconds, as JavaScript's Date.now() gives");
        }

        return new TimeValue(Kind.Absolute, (long)value);
    }

    private static TimeValue EvaluateProperty(IPropertyReferenceOperation property, int depth)
    {
        string type = property.Property.ContainingType?.ToDisplayString() ?? "";
        string name = property.Property.Name;
        if (type is "System.DateTimeOffset" or "System.DateTime")
        {
            switch (name)
            {
                case "UtcNow":
                    return new TimeValue(Kind.Relative, 0);
                case "Now":
                    return type == "System.DateTime" ? new TimeValue(Kind.Relative, 0, "local") : new TimeValue(Kind.Relative, 0);
                case "Ticks":
                case "UtcTicks":
                    return new TimeValue(Kind.Ticks, 0, $"{name} counts 100-nanosecond ticks since year 1");
            }
        }

        if (type == "System.TimeSpan" && property.Instance is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract } difference)
        {
            TimeValue from = Evaluate(difference.LeftOperand, depth + 1);
            bool fromEpoch = IsUnixEpoch(difference.RightOperand);
            if (fromEpoch && name == "TotalMilliseconds")
            {
                return new TimeValue(Kind.Milliseconds, 0, "TotalMilliseconds counts milliseconds");
            }

            if (fromEpoch && name == "TotalSeconds")
            {
                return from.Detail == "local"
                    ? new TimeValue(Kind.LocalTime, 0, "DateTime.Now is local time; subtracting the epoch from it is off by the server's UTC offset")
                    : from.Kind == Kind.Relative ? new TimeValue(Kind.Relative, from.Seconds) : TimeValue.Unknown;
            }
        }

        if (type == "System.Environment" && name is "TickCount" or "TickCount64")
        {
            return new TimeValue(Kind.Milliseconds, 0, "Environment.TickCount counts milliseconds since the machine started");
        }

        return TimeValue.Unknown;
    }

    private static TimeValue EvaluateInvocation(IInvocationOperation invocation, int depth)
    {
        IMethodSymbol method = invocation.TargetMethod;
        string type = method.ContainingType?.ToDisplayString() ?? "";
        if (method.Name == "GetUtcNow" && type == "System.TimeProvider")
        {
            return new TimeValue(Kind.Relative, 0);
        }

        if (method.Name == "GetTimestamp" && type == "System.Diagnostics.Stopwatch")
        {
            return new TimeValue(Kind.Ticks, 0, "Stopwatch.GetTimestamp() counts timer ticks, not time of day");
        }

        if (type is "System.DateTimeOffset" or "System.DateTime")
        {
            if (method.IsStatic)
            {
                return method.Name switch
                {
                    "FromUnixTimeSeconds" when invocation.Arguments.Length == 1 => Seconds(Evaluate(invocation.Arguments[0].Value, depth + 1)),
                    "FromUnixTimeMilliseconds" when invocation.Arguments.Length == 1 && Constant(invocation.Arguments[0].Value) is decimal ms => new TimeValue(Kind.Absolute, (long)(ms / 1000m)),
                    _ => TimeValue.Unknown,
                };
            }

            TimeValue receiver = invocation.Instance is null ? TimeValue.Unknown : Evaluate(invocation.Instance, depth + 1);
            if (method.Name == "ToUnixTimeMilliseconds")
            {
                return new TimeValue(Kind.Milliseconds, 0, "ToUnixTimeMilliseconds() gives milliseconds");
            }

            if (method.Name is "ToUnixTimeSeconds" or "ToUniversalTime" or "ToOffset")
            {
                return receiver;
            }

            if (receiver.Kind is not (Kind.Relative or Kind.Absolute) || invocation.Arguments.Length != 1)
            {
                return receiver.Kind is Kind.Milliseconds or Kind.Ticks or Kind.LocalTime ? receiver : TimeValue.Unknown;
            }

            decimal? unit = method.Name switch
            {
                "AddDays" => SecondsPerDay,
                "AddHours" => 3600,
                "AddMinutes" => 60,
                "AddSeconds" => 1,
                "AddMilliseconds" => 0.001m,
                _ => null,
            };
            if (unit is decimal perUnit && Constant(invocation.Arguments[0].Value) is decimal amount)
            {
                return receiver with { Seconds = receiver.Seconds + (long)(amount * perUnit) };
            }

            if (method.Name is "Add" or "Subtract" && Span(invocation.Arguments[0].Value) is long span)
            {
                return receiver with { Seconds = receiver.Seconds + (method.Name == "Add" ? span : -span) };
            }
        }

        return TimeValue.Unknown;
    }

    private static TimeValue EvaluateBinary(IBinaryOperation binary, int depth)
    {
        if (binary.OperatorKind is not (BinaryOperatorKind.Add or BinaryOperatorKind.Subtract))
        {
            return TimeValue.Unknown;
        }

        TimeValue left = Evaluate(binary.LeftOperand, depth + 1);
        if (left.Kind is not (Kind.Relative or Kind.Absolute))
        {
            return left.Kind is Kind.Milliseconds or Kind.Ticks or Kind.LocalTime ? left : TimeValue.Unknown;
        }

        long? delta = Span(binary.RightOperand) ?? (Constant(binary.RightOperand) is decimal seconds && binary.LeftOperand.Type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32 ? (long)seconds : null);
        return delta is long d ? left with { Seconds = left.Seconds + (binary.OperatorKind == BinaryOperatorKind.Add ? d : -d) } : TimeValue.Unknown;
    }

    private static TimeValue EvaluateCreation(IObjectCreationOperation creation)
    {
        string type = creation.Type?.ToDisplayString() ?? "";
        if (type is not ("System.DateTimeOffset" or "System.DateTime") || creation.Arguments.Length < 3)
        {
            return TimeValue.Unknown;
        }

        int[] parts = new int[6];
        for (int i = 0; i < Math.Min(6, creation.Arguments.Length); i++)
        {
            if (creation.Arguments[i].Value.Type?.SpecialType != SpecialType.System_Int32 || Constant(creation.Arguments[i].Value) is not decimal part)
            {
                return TimeValue.Unknown;
            }

            parts[i] = (int)part;
        }

        try
        {
            DateTime instant = new(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], DateTimeKind.Utc);
            return new TimeValue(Kind.Absolute, (long)(instant - new DateTime(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc)).TotalSeconds);
        }
        catch (ArgumentOutOfRangeException)
        {
            return TimeValue.Unknown;
        }
    }

    private static TimeValue Seconds(TimeValue value) =>
        value.Kind is Kind.Absolute or Kind.Relative or Kind.Milliseconds or Kind.Ticks or Kind.LocalTime ? value : TimeValue.Unknown;

    /// <summary>A constant TimeSpan in seconds: TimeSpan.FromDays(8), new TimeSpan(8, 0, 0, 0), ...</summary>
    private static long? Span(IOperation operation)
    {
        operation = HashedValueRecognizer.Unwrap(operation);
        if (operation is IInvocationOperation { TargetMethod: { IsStatic: true, ContainingType: { } type } method } call
            && type.ToDisplayString() == "System.TimeSpan" && call.Arguments.Length == 1 && Constant(call.Arguments[0].Value) is decimal amount)
        {
            decimal? unit = method.Name switch
            {
                "FromDays" => SecondsPerDay,
                "FromHours" => 3600,
                "FromMinutes" => 60,
                "FromSeconds" => 1,
                "FromMilliseconds" => 0.001m,
                _ => null,
            };
            return unit is decimal u ? (long)(amount * u) : null;
        }

        if (operation is IObjectCreationOperation creation && creation.Type?.ToDisplayString() == "System.TimeSpan")
        {
            decimal[] values = new decimal[creation.Arguments.Length];
            for (int i = 0; i < values.Length; i++)
            {
                if (Constant(creation.Arguments[i].Value) is not decimal value)
                {
                    return null;
                }

                values[i] = value;
            }

            return values.Length switch
            {
                3 => (long)((values[0] * 3600) + (values[1] * 60) + values[2]),
                4 => (long)((values[0] * SecondsPerDay) + (values[1] * 3600) + (values[2] * 60) + values[3]),
                _ => null,
            };
        }

        return null;
    }

    private static bool IsUnixEpoch(IOperation operation)
    {
        operation = HashedValueRecognizer.Unwrap(operation);
        if (operation is IFieldReferenceOperation { Field.Name: "UnixEpoch" })
        {
            return true;
        }

        return operation is IObjectCreationOperation creation && EvaluateCreation(creation) is { Kind: Kind.Absolute, Seconds: 0 };
    }

    private static decimal? Constant(IOperation operation)
    {
        operation = HashedValueRecognizer.Unwrap(operation);
        return operation.ConstantValue.HasValue && operation.ConstantValue.Value is { } value && (IsInteger(value) || value is double or float or decimal)
            ? Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    private static bool IsInteger(object value) => value is int or long or short or uint or ulong;
}
