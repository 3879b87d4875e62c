namespace CapiKit.Generators.Generation;

/// <summary>How generated enum values relate to schema positions: the value of the entry at index i is i + 1.</summary>
internal static class SchemaEnums
{
    /// <summary>The schema index of an enum value, or null for a value no entry has (0, or out of range).</summary>
    public static int? Index(int value, int count) => value >= 1 && value <= count ? value - 1 : null;
}
