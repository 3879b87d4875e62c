namespace CapiKit.Delivery;

/// <summary>
/// Why Meta would reject an event: the field, a sentence, the Graph error Meta returns for it, and the CapiKit
/// diagnostic that would have caught it at compile time. Never contains a customer value.
/// </summary>
/// <param name="Field">The payload path (<c>event_time</c>, <c>user_data.em</c>); empty for the event as a whole.</param>
/// <param name="Message">What is wrong, for people.</param>
/// <param name="Code">The Graph error code Meta returns (100 for validation).</param>
/// <param name="Subcode">The Graph error subcode, where one is known.</param>
/// <param name="Title">Meta's <c>error_user_title</c> for it, where known.</param>
/// <param name="DiagnosticId">The CAPI diagnostic that catches it at compile time, where one exists.</param>
public sealed record EventProblem(string Field, string Message, int Code, int? Subcode, string Title, string? DiagnosticId)
{
    /// <inheritdoc/>
    public override string ToString()
    {
        string where = Field.Length == 0 ? Message : $"{Field}: {Message}";
        return DiagnosticId is null ? where : $"{where} ({DiagnosticId})";
    }
}
