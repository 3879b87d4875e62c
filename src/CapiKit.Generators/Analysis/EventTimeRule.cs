using System.Collections.Immutable;
using System.Globalization;
using CapiKit.Generators.Analysis.Rules;
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
                return Create(CAPI003EventTimeOutsideWindow.TooOld, location, fix, Describe(-time.Seconds), maxAgeDays, ForSource(actionSource));
            case EventTimeEvaluator.Kind.Relative when time.Seconds > facts.MaxFutureSeconds:
                return Create(CAPI003EventTimeOutsideWindow.InTheFuture, location, fix, Describe(time.Seconds), facts.MaxFutureSeconds);
            case EventTimeEvaluator.Kind.Absolute:
                string date = System.DateTimeOffset.FromUnixTimeSeconds(System.Math.Max(-62135596800L, System.Math.Min(253402300799L, time.Seconds))).ToString("u", CultureInfo.InvariantCulture);
                return Create(CAPI003EventTimeOutsideWindow.FixedInstant, location, fix, date, maxAgeDays);
            case EventTimeEvaluator.Kind.Milliseconds or EventTimeEvaluator.Kind.Ticks or EventTimeEvaluator.Kind.LocalTime:
                return Create(
                    CAPI004EventTimeNotSeconds.NotSeconds,
                    location,
                    time.Kind == EventTimeEvaluator.Kind.LocalTime ? UseUtc : time.Kind == EventTimeEvaluator.Kind.Milliseconds && time.Detail?.Contains("digits") == true ? UseNow : UseSeconds,
                    time.Detail);
            case EventTimeEvaluator.Kind.DateText:
                // No mechanical fix: the member's type is what is wrong, and changing it touches every reader.
                return Create(CAPI004EventTimeNotSeconds.NotSeconds, location, null, time.Detail);
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

    private static Diagnostic Create(DiagnosticDescriptor descriptor, Location location, string? fix, params object?[] arguments)
    {
        ImmutableDictionary<string, string?> properties = fix is null
            ? ImmutableDictionary<string, string?>.Empty
            : ImmutableDictionary<string, string?>.Empty.Add(FixProperty, fix);
        return Diagnostic.Create(descriptor, location, properties, arguments);
    }
}
