namespace CapiKit.Pii;

/// <summary>How to read an all-numeric date such as <c>03/04/1990</c> when both of its first parts could be the month.</summary>
public enum DateOrder
{
    /// <summary>Month first (<c>03/04/1990</c> is March 4th), as in Meta's own example <c>2/16/1997</c> and its parameter builder.</summary>
    MonthFirst,

    /// <summary>Day first (<c>03/04/1990</c> is April 3rd), as written in most of the world.</summary>
    DayFirst,
}
