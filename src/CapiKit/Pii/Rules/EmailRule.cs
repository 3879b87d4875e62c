using System.Buffers;

namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: "trim leading and trailing white space, convert to lower case". Clearly invalid addresses are rejected
/// rather than hashed, because their hash can never match and would only waste the event's match quality.
/// </summary>
internal sealed class EmailRule : NormalizationRule
{
    private const int MaxLength = 254;
    private const int MaxLocalLength = 64;

    private static readonly string TooLong = $"an e-mail address has at most {MaxLength} characters";

    // The ASCII characters of each test below, for one vector scan of ASCII text (nearly every address); derived from
    // the tests so the two cannot disagree.
    private static readonly SearchValues<char> ForbiddenAsciiInLocalPart = AsciiWhere(IsForbiddenInLocalPart);
    private static readonly SearchValues<char> AsciiHostNameCharacters = AsciiWhere(IsHostNameCharacter);

    public override string Name => "email";

    // Room for white space around the longest address; the address itself is checked against MaxLength.
    public override int MaxInputLength => 512;

    public override RuleOutcome Apply(string input, NormalizationOptions options)
    {
        string email = PiiText.Fold(input.Trim());
        if (email.Length == 0)
        {
            return RuleOutcome.Fail(NormalizationFailure.Empty, "the e-mail address is empty");
        }

        return Problem(email) is { } problem ? Invalid(problem) : RuleOutcome.Ok(email);
    }

    // Trimmed and lower-cased in a stack buffer; any problem is left to Apply, which words the rejection.
    public override int TryApplyAscii(ReadOnlySpan<char> input, NormalizationOptions options, Span<byte> destination)
    {
        ReadOnlySpan<char> trimmed = input.Trim();
        if (trimmed.Length is 0 or > MaxLength)
        {
            return -1;
        }

        Span<char> email = stackalloc char[MaxLength];
        for (int i = 0; i < trimmed.Length; i++)
        {
            email[i] = AsciiText.Lower(trimmed[i]);
        }

        email = email[..trimmed.Length];
        return Problem(email) is null ? AsciiText.Write(email, destination) : -1;
    }

    /// <summary>Why a trimmed, folded, non-empty address is invalid, or null when it is valid.</summary>
    private static string? Problem(ReadOnlySpan<char> email)
    {
        if (email.Length > MaxLength)
        {
            return TooLong;
        }

        int at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@'))
        {
            return "an e-mail address has one '@' with text before it";
        }

        if (!IsValidLocalPart(email[..at]))
        {
            return "the part before '@' has spaces, forbidden characters, or misplaced dots";
        }

        return IsValidDomain(email[(at + 1)..]) ? null : "the domain after '@' is not a dotted host name such as example.com";
    }

    private static RuleOutcome Invalid(string message) => RuleOutcome.Fail(NormalizationFailure.InvalidFormat, message);

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length > MaxLocalLength || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (!local.ContainsAnyExceptInRange('\0', '\u007F'))
        {
            return !local.ContainsAny(ForbiddenAsciiInLocalPart);
        }

        foreach (char c in local)
        {
            if (IsForbiddenInLocalPart(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidDomain(ReadOnlySpan<char> domain)
    {
        int labels = 0;
        ReadOnlySpan<char> topLevel = default;
        while (true)
        {
            int dot = domain.IndexOf('.');
            ReadOnlySpan<char> label = dot < 0 ? domain : domain[..dot];
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            // Internationalized domains are written in Unicode letters; anything else is not a host name.
            if (label.ContainsAnyExcept(AsciiHostNameCharacters))
            {
                foreach (char c in label)
                {
                    if (!IsHostNameCharacter(c) && !char.IsSurrogate(c))
                    {
                        return false;
                    }
                }
            }

            labels++;
            topLevel = label;
            if (dot < 0)
            {
                break;
            }

            domain = domain[(dot + 1)..];
        }

        return labels >= 2 && topLevel.Length >= 2 && !IsAllDigits(topLevel);
    }

    private static bool IsForbiddenInLocalPart(char c) => char.IsWhiteSpace(c) || char.IsControl(c) || "()<>[]\\,;:\"".Contains(c);

    private static bool IsHostNameCharacter(char c) => c == '-' || char.IsLetterOrDigit(c);

    private static SearchValues<char> AsciiWhere(Func<char, bool> test) =>
        SearchValues.Create([.. Enumerable.Range(0, 128).Select(i => (char)i).Where(test)]);

    private static bool IsAllDigits(ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
