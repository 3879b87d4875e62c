using System.CommandLine;
using CapiKit.Pii;

namespace CapiKit.Cli.Commands;

/// <summary>
/// <c>capi hash FIELD VALUE</c> prints one value's normalized form and SHA-256; <c>capi hash --jsonl</c> does
/// the same for JSON lines on standard input. Other tools depend on this contract; see README.md.
/// </summary>
internal static class HashCommand
{
    public const int Success = 0;
    public const int InvalidValue = 1;
    public const int InputUnreadable = 74; // EX_IOERR from sysexits.h
    public const int OutputUnwritable = 74; // EX_IOERR too: an input or output error, told apart by the message

    public static Command Create(TextReader input, TextWriter output, TextWriter error)
    {
        Argument<string?> field = new("field")
        {
            Description = "The user_data key: " + string.Join(", ", PiiNormalizer.Keys.Where(k => k.IsHashed).Select(k => k.Name)) + ".",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Argument<string?> value = new("value")
        {
            Description = "The raw value to normalize and hash.",
            Arity = ArgumentArity.ZeroOrOne,
        };
        Option<string?> region = new("--region")
        {
            Description = "ISO 3166-1 alpha-2 region whose country code phone numbers without one get (US, GB, ...).",
        };
        Option<bool> dayFirst = new("--day-first")
        {
            Description = "Read ambiguous numeric dates of birth as day/month/year instead of month/day/year.",
        };
        Option<bool> jsonl = new("--jsonl")
        {
            Description = "Read {\"field\",\"value\",\"region\"} JSON lines from standard input; write one result line per input line.",
        };

        Command command = new("hash", "Normalize a customer-information value as Meta specifies and print it with its SHA-256.")
        {
            field, value, region, dayFirst, jsonl,
        };

        command.Validators.Add(result =>
        {
            bool lines = result.GetValue(jsonl);
            bool hasField = result.GetValue(field) is not null;
            bool hasValue = result.GetValue(value) is not null;
            if (lines && (hasField || hasValue))
            {
                result.AddError("--jsonl reads fields and values from standard input; do not pass them as arguments.");
            }
            else if (!lines && !(hasField && hasValue))
            {
                result.AddError("Give a field and a value, for example: capi hash em \"John@Example.com\", or use --jsonl.");
            }
        });

        command.SetAction(parsed =>
        {
            NormalizationOptions options = new()
            {
                DefaultRegion = parsed.GetValue(region),
                DateOrder = parsed.GetValue(dayFirst) ? DateOrder.DayFirst : DateOrder.MonthFirst,
            };

            return parsed.GetValue(jsonl)
                ? HashLines.Run(input, output, error, options)
                : HashOne(parsed.GetValue(field)!, parsed.GetValue(value)!, options, output, error);
        });

        return command;
    }

    private static int HashOne(string field, string value, NormalizationOptions options, TextWriter output, TextWriter error)
    {
        NormalizationResult result = PiiNormalizer.Normalize(field, value, options);
        if (!result.Succeeded)
        {
            error.WriteLine($"capi hash: {result.Error}");
            if (result.Error!.Reason == NormalizationFailure.UnknownField)
            {
                error.WriteLine($"Hashed keys: {string.Join(", ", PiiNormalizer.Keys.Where(k => k.IsHashed).Select(k => k.Name))}");
            }

            return InvalidValue;
        }

        output.WriteLine($"normalized  {result.Value}");
        output.WriteLine($"sha256      {result.ComputeHash()}");
        return Success;
    }
}
