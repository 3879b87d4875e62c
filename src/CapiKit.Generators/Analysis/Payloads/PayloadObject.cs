using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CapiKit.Generators.Analysis.Payloads;

/// <summary>
/// One JSON object a payload sends, however it is written: a C# object (anonymous object, dictionary, JsonObject,
/// DTO) or JSON in a string literal. Every rule checks payloads through this model only, so a rule is written once
/// for every way a payload can be written, and one rule gives one verdict.
/// </summary>
internal abstract class PayloadObject
{
    /// <summary>Where the object is written, for findings about the object as a whole.</summary>
    public abstract Location Location { get; }

    /// <summary>How the object is written, which decides how a fix can add a key to it.</summary>
    public abstract ContainerStyle Style { get; }

    /// <summary>The keys the object is seen to send, with their values (a constant null included).</summary>
    public abstract IReadOnlyList<PayloadValue> Values { get; }

    /// <summary>Whether the object's type declares the key (a DTO property), so it may be sent although no write is seen.</summary>
    public abstract bool Declares(string key);

    /// <summary>The object sent under a key, when the model can follow it there.</summary>
    public abstract PayloadObject? Child(string key);

    /// <summary>The value sent under a key, or null when none is seen.</summary>
    public virtual PayloadValue? Find(string key)
    {
        foreach (PayloadValue value in Values)
        {
            if (value.Key == key)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether the object sends the key or may send it: a requirement is met unless the model is sure it is not.
    /// A key written in C# counts even when its value is a constant null (it is there to be filled); in JSON a null is
    /// absent, as Meta and the pre-flight read it.
    /// </summary>
    public abstract bool MaySend(string key);
}

/// <summary>One key of a payload object and the value it sends.</summary>
internal abstract class PayloadValue
{
    protected PayloadValue(string key) => Key = key;

    public string Key { get; }

    /// <summary>Where the value is written; in a JSON literal, the literal.</summary>
    public abstract Location Location { get; }

    /// <summary>The constant text of the value, or null when it is not a constant string.</summary>
    public abstract string? Text { get; }

    /// <summary>Whether the value is a constant null (the key is then not sent).</summary>
    public abstract bool IsNull { get; }

    /// <summary>How many items the value holds when it is a sequence of known length; else null.</summary>
    public abstract int? Count { get; }

    /// <summary>The items of an array value, or the value itself.</summary>
    public abstract IEnumerable<PayloadValue> Items { get; }

    /// <summary>Whether the value is already a SHA-256 digest, raw text, or cannot be told.</summary>
    public abstract HashState Hash { get; }

    /// <summary>What the value says about <c>event_time</c>: its unit and how far from now, where that can be told.</summary>
    public abstract EventTimeEvaluator.TimeValue Time { get; }

    /// <summary>
    /// The normalization steps the value went through before it was hashed, when the model sees both the hashing and
    /// the way from the raw value to it; null otherwise (not hashed, hashed out of sight, or in JSON text).
    /// </summary>
    public virtual Normalization? HashedWith => null;

    /// <summary>Where the value is hashed, when <see cref="HashedWith"/> is known: the hashing expression a local holds, or the value.</summary>
    public virtual Location HashLocation => Location;

    /// <summary>
    /// The constant values that can reach this one: through every branch of a conditional, coalesce or switch
    /// expression, the locals of the method, and the parameters of the methods it is passed through (across the
    /// compilation, a few calls deep). Empty where the model cannot follow the value.
    /// </summary>
    public virtual IEnumerable<PayloadValue> Sources => System.Linq.Enumerable.Empty<PayloadValue>();

    /// <summary>
    /// Whether the value is the name of an enum member (<c>step.ToString()</c>, maybe reshaped by string calls): one
    /// constant per member, not per occurrence.
    /// </summary>
    public virtual bool IsEnumName => false;

    /// <summary>
    /// Whether the value is a read of a nullable value type (<c>deal.FinalAmount</c> of type <c>decimal?</c>) that the
    /// method never checks for null: the payload may then carry <c>null</c>, which is no value at all.
    /// </summary>
    public virtual bool MayBeNull => false;

    /// <summary>The C# operation that produces the value; null in a JSON literal, which has no finer location to fix.</summary>
    public abstract IOperation? Operation { get; }

    /// <summary>Whether the value is a constant that is not empty (<c>""</c> is the placeholder nullable warnings want).</summary>
    public bool IsNonEmptyConstant => Text is { Length: > 0 };
}

/// <summary>Whether a value is hashed.</summary>
internal enum HashState
{
    /// <summary>Cannot be told (a value from elsewhere, a number).</summary>
    Unknown,

    /// <summary>A SHA-256 digest, or produced by hashing.</summary>
    Hashed,

    /// <summary>Raw text: personal data as typed.</summary>
    Raw,
}
