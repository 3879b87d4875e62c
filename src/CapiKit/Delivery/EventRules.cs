using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Delivery;

/// <summary>
/// Meta's rules for one event, checked on its JSON: the same checks run in the client's pre-flight (so an invalid
/// event is never sent and cannot sink its batch) and in the emulator (so tests see Meta's rejections). The
/// requirements, windows and key policies come from the parameter schema through generated code, and every problem
/// is made by <see cref="RuleBook"/>, the schema's rule table: its rule ID, message, Meta code, subcode and title.
/// </summary>
public static class EventRules
{
    private const long MillisecondThreshold = 100_000_000_000;

    /// <summary>Every reason Meta would reject the event; empty when it would accept it.</summary>
    /// <param name="serverEvent">One element of <c>data</c>.</param>
    /// <param name="now">The current time, for the <c>event_time</c> window.</param>
    public static IReadOnlyList<EventProblem> Validate(JsonElement serverEvent, DateTimeOffset now)
    {
        List<EventProblem> problems = [];
        if (serverEvent.ValueKind != JsonValueKind.Object)
        {
            problems.Add(RuleBook.Invalid("data[]", "an event is a JSON object"));
            return problems;
        }

        string? eventName = String(serverEvent, "event_name");
        if (string.IsNullOrWhiteSpace(eventName))
        {
            problems.Add(RuleBook.Invalid("event_name", "event_name is required"));
        }

        bool knownSource = PayloadValues.TryParseActionSource(String(serverEvent, "action_source"), out ActionSource actionSource);
        if (!knownSource)
        {
            problems.Add(RuleBook.MissingActionSource.MissingOrUnknown("action_source"));
        }

        CheckEventTime(serverEvent, now, knownSource ? CapiSchema.MaxAgeDays(actionSource) : CapiSchema.MaxEventAgeDays, problems);
        JsonElement userData = Object(serverEvent, "user_data");
        if (userData.ValueKind != JsonValueKind.Object)
        {
            problems.Add(RuleBook.Invalid("user_data", "user_data is required"));
        }
        else
        {
            CheckUserData(userData, problems);
        }

        if (knownSource)
        {
            CheckActionSource(serverEvent, actionSource, problems);
        }

        if (eventName is not null)
        {
            CheckRequiredCustomData(serverEvent, eventName, problems);
        }

        return problems;
    }

    private static void CheckEventTime(JsonElement serverEvent, DateTimeOffset now, int maxAgeDays, List<EventProblem> problems)
    {
        if (!serverEvent.TryGetProperty("event_time", out JsonElement time) || !time.TryGetInt64(out long seconds))
        {
            problems.Add(RuleBook.Invalid("event_time", "event_time is required, as Unix seconds"));
            return;
        }

        if (seconds >= MillisecondThreshold)
        {
            problems.Add(RuleBook.EventTimeNotSeconds.Milliseconds("event_time"));
        }
        else if (seconds < now.AddDays(-maxAgeDays).ToUnixTimeSeconds())
        {
            problems.Add(RuleBook.EventTimeOutsideWindow.TooOld("event_time", maxAgeDays));
        }
        else if (seconds > now.ToUnixTimeSeconds() + CapiSchema.MaxFutureSeconds)
        {
            problems.Add(RuleBook.EventTimeOutsideWindow.InTheFuture("event_time"));
        }
    }

    private static void CheckUserData(JsonElement userData, List<EventProblem> problems)
    {
        HashSet<string> keys = new(StringComparer.Ordinal);
        foreach (JsonProperty property in userData.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            keys.Add(property.Name);
            if (PiiNormalizer.TryGetKey(property.Name, out UserDataKey? key) && key.Hashing == HashingPolicy.Required && !AllHashes(property.Value))
            {
                problems.Add(RuleBook.UnhashedPii.NotDigest($"user_data.{property.Name}", property.Name));
            }
            // The formats whose violation Meta answers with "Click ID Incorrectly Formatted" (CAPI007's subcode).
            else if (key?.Format is FieldFormats.ClickIdFormat or FieldFormats.BrowserIdFormat && property.Value.ValueKind == JsonValueKind.String
                && FieldFormats.RawProblem(key.Format, property.Value.GetString()!) is { } format)
            {
                problems.Add(RuleBook.RawKeyModified.Malformed($"user_data.{property.Name}", property.Name, format));
            }
        }

        if (keys.Count == 0)
        {
            problems.Add(RuleBook.InvalidOnlyCustomerInformation.None("user_data"));
        }
        else if (CapiSchema.InvalidOnlyCombinations.Any(combination => keys.IsSubsetOf(combination)))
        {
            problems.Add(RuleBook.InvalidOnlyCustomerInformation.OnlyInvalidCombination("user_data"));
        }
    }

    private static void CheckActionSource(JsonElement serverEvent, ActionSource actionSource, List<EventProblem> problems)
    {
        HashSet<string> missingObjects = new(StringComparer.Ordinal);
        foreach (string path in CapiSchema.RequiredFields(actionSource))
        {
            // A missing app_data is one problem, not one for each of its fields as well.
            if (missingObjects.Contains(path.Split('.')[0]))
            {
                continue;
            }

            if (!Has(serverEvent, path))
            {
                if (path.StartsWith("server_event.", StringComparison.Ordinal))
                {
                    missingObjects.Add(Display(path));
                }

                problems.Add(RuleBook.Requires(actionSource, Display(path)));
            }
        }

        foreach (string path in CapiSchema.ForbiddenFields(actionSource))
        {
            if (Has(serverEvent, path))
            {
                problems.Add(RuleBook.Forbids(actionSource, Display(path)));
            }
        }

        if (Object(Object(serverEvent, "app_data"), "extinfo") is { ValueKind: JsonValueKind.Array } extinfo && extinfo.GetArrayLength() != CapiSchema.ExtinfoLength)
        {
            problems.Add(RuleBook.AppDataMismatch.ExtinfoLength("app_data.extinfo", extinfo.GetArrayLength(), CapiSchema.ExtinfoLength));
        }
    }

    private static void CheckRequiredCustomData(JsonElement serverEvent, string eventName, List<EventProblem> problems)
    {
        JsonElement customData = Object(serverEvent, "custom_data");
        foreach (string key in EventDefinition.RequiredCustomDataKeys(eventName))
        {
            if (customData.ValueKind != JsonValueKind.Object || !customData.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                problems.Add(RuleBook.PurchaseIncomplete.Requires($"custom_data.{key}", eventName, key));
            }
        }

        if (customData.ValueKind == JsonValueKind.Object && String(customData, "currency") is { } currency && !RuleBook.IsCurrencyCode(currency))
        {
            problems.Add(RuleBook.PurchaseIncomplete.NotIso4217("custom_data.currency"));
        }
    }

    private static bool Has(JsonElement serverEvent, string path)
    {
        string[] parts = path.Split('.');
        JsonElement owner = parts[0] == "server_event" ? serverEvent : Object(serverEvent, parts[0]);
        return owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(parts[1], out JsonElement value) && value.ValueKind != JsonValueKind.Null;
    }

    private static string Display(string path) => path.StartsWith("server_event.", StringComparison.Ordinal) ? path["server_event.".Length..] : path;

    private static bool AllHashes(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => IsLowerHexDigest(value.GetString()!),
        JsonValueKind.Array => value.EnumerateArray().All(item => item.ValueKind == JsonValueKind.String && IsLowerHexDigest(item.GetString()!)),
        _ => false,
    };

    private static bool IsLowerHexDigest(string text) =>
        text.Length == Sha256Hash.HexLength && text.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));

    private static string? String(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement Object(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out JsonElement value) ? value : default;
}
