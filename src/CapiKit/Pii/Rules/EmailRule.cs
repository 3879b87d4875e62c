namespace CapiKit.Pii.Rules;

/// <summary>
/// Meta: "trim leading and trailing white space, convert to lower case". Clearly invalid addresses are rejected
/// rather than hashed, because their hash can never match and would only waste the event's match quality.
/// </summary>
internal sealed class EmailRule : NormalizationRule
{
    private const int MaxLength = 254;
    private const int MaxLocalLength = 64;

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

        if (email.Length > MaxLength)
        {
            return Invalid($"an e-mail address has at most {MaxLength} characters");
        }

        int at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@'))
        {
            return Invalid("an e-mail address has one '@' with text before it");
        }

        ReadOnlySpan<char> local = email.AsSpan(0, at);
        string domain = email[(at + 1)..];
        if (!IsValidLocalPart(local))
        {
            return Invalid("the part before '@' has spaces, forbidden characters, or misplaced dots");
        }

        return IsValidDomain(domain)
            ? RuleOutcome.Ok(email)
            : Invalid("the domain after '@' is not a dotted host name such as example.com");
    }

    private static RuleOutcome Invalid(string message) => RuleOutcome.Fail(NormalizationFailure.InvalidFormat, message);

    private static bool IsValidLocalPart(ReadOnlySpan<char> local)
    {
        if (local.Length > MaxLocalLength || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        foreach (char c in local)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || "()<>[]\\,;:\"".Contains(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsValidDomain(string domain)
    {
        int labels = 0;
        string topLevel = "";
        foreach (string label in domain.Split('.'))
        {
            if (label.Length == 0 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (char c in label)
            {
                // Internationalized domains are written in Unicode letters; anything else is not a host name.
                if (c != '-' && !char.IsLetterOrDigit(c) && !char.IsSurrogate(c))
                {
                    return false;
                }
            }

            labels++;
            topLevel = label;
        }

        return labels >= 2 && topLevel.Length >= 2 && !IsAllDigits(topLevel);
    }

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
