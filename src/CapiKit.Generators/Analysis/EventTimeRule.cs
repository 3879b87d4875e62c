using System.Collections.Immutable;
using System.Globalization;
using Microsoft.CodeAnalysis;

namespace CapiKit.Generators.Analysis;

/// <summary>Turns an evaluated event time into a CAPI003 or CAPI004 diagnostic, or none.</summary>
internal static class EventTimeRule
{
    /// <summary>Property naming the code fix that applies: replace with the current time, or correct the unit.</summary>
    public const string FixProperty = "Fix";
    public const string UseNow = "UseNow";
    public const string UseSeconds = "UseSeconds";
    public const string UseUtc = "UseUtc";

    public static Diagnostic? Check(EventTimeEvaluator.TimeValue time, Location location, PayloadFacts facts, string? actionSource, string? fix)
    {
        int maxAgeDays = facts.MaxAgeDaysFor(actionSource);
        switch (time.Kind)
        {
            case EventTimeEvaluator.Kind.Relative when time.Seconds < -(maxAgeDays * 86_400L):
                return Create(
                    Descriptors.EventTimeOutsideWindow,
                    location,
                    fix,
                    $"event_time is {Describe(-time.Seconds)} old; Meta rejects the whole request when an event is more than {maxAgeDays} days old{ForSource(actionSource)}");
            case EventTimeEvaluator.Kind.Relative when time.Seconds > facts.MaxFutureSeconds:
                return Create(
                    Descriptors.EventTimeOutsideWindow,
                    location,
                    fix,
                    $"event_time is {Describe(time.Seconds)} in the future; Meta treats future times as errors (CapiKit tolerates {facts.MaxFutureSeconds} seconds of clock skew)");
            case EventTimeEvaluator.Kind.Absolute:
                string date = System.DateTimeOffset.FromUnixTimeSeconds(System.Math.Max(-62135596800L, System.Math.Min(253402300799L, time.Seconds))).ToString("u", CultureInfo.InvariantCulture);
                return Create(
                    Descriptors.EventTimeOutsideWindow,
                    location,
                    fix,
                    $"event_time is the fixed instant {date}; a constant timestamp goes stale, and Meta rejects events more than {maxAgeDays} days old");
            case EventTimeEvaluator.Kind.Milliseconds or EventTimeEvaluator.Kind.Ticks or EventTimeEvaluator.Kind.LocalTime:
                return Create(
                    Descriptors.EventTimeNotSeconds,
                    location,
                    time.Kind == EventTimeEvaluator.Kind.LocalTime ? UseUtc : time.Kind == EventTimeEvaluator.Kind.Milliseconds && time.Detail?.Contains("digits") == true ? UseNow : UseSeconds,
                    $"event_time must be Unix seconds in UTC, but {time.Detail}");
            default:
                return null;
        }
    }

    private static string ForSource(string? actionSource) =>
        actionSource is null ? "" : $" for action_source {actionSource}";

    private static string Describe(long seconds) =>
        seconds >= 2 * 86_400 ? $"{seconds / 86_400} days"
        : seconds >= 7200 ? $"{seconds / 3600} hours"
        : seconds >= 120 ? $"{seconds / 60} minutes"
        : $"{seconds} seconds";

    private static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, string? fix, string message)
    {
        ImmutableDictionary<string, string?> properties = fix is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        return Diagnostic.Create(descriptor, location, properties, message);
    }
}
