namespace CapiKit.Pii;

/// <summary>What the caller knows that the value alone does not say.</summary>
public sealed record NormalizationOptions
{
    /// <summary>Options with no default region, month-first dates and the system clock.</summary>
    public static NormalizationOptions Default { get; } = new();

    /// <summary>
    /// ISO 3166-1 alpha-2 region (<c>US</c>, <c>GB</c>, ...) whose country code is added to phone numbers written
    /// without one. Numbers written with <c>+</c> or <c>00</c> keep their own code.
    /// </summary>
    public string? DefaultRegion { get; init; }

    /// <summary>How to read an ambiguous all-numeric date of birth.</summary>
    public DateOrder DateOrder { get; init; } = DateOrder.MonthFirst;

    /// <summary>The clock that decides "today" for dates of birth (none may lie in the future).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
