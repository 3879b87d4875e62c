using System.Text.Json;
using CapiKit.Pii;

namespace CapiKit.Delivery;

/// <summary>
/// Meta's rules for one event, checked on its JSON: the same checks run in the client's pre-flight (so an invalid
/// event is never sent and cannot sink its batch) and in the emulator (so tests see Meta's rejections). The
/// requirements, windows and key policies come from the parameter schema through generated code.
/// </summary>
public static class EventRules
{
    private const int ValidationError = 100;
    private const long MillisecondThreshold = 100_000_000_000;

    /// <summary>Every reason Meta would reject the event; empty when it would accept it.</summary>
    /// <param name="serverEvent">One element of <c>data</c>.</param>
    /// <param name="now">The current time, for the <c>event_time</c> window.</param>
    public static IReadOnlyList<EventProblem> Validate(JsonElement serverEvent, DateTimeOffset now)
    {
        List<EventProblem> problems = [];
        if (serverEvent.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem("data[]", "an event is a JSON object", null, "Invalid parameter", null));
            return problems;
        }

        string? eventName = String(serverEvent, "event_name");
        if (string.IsNullOrWhiteSpace(eventName))
        {
            problems.Add(Problem("event_name", "event_name is required", null, "Invalid parameter", null));
        }

        bool knownSource = PayloadValues.TryParseActionSource(String(serverEvent, "action_source"), out ActionSource actionSource);
        if (!knownSource)
        {
            problems.Add(Problem("action_source", "action_source is missing or not one of Meta's values", null, "Invalid parameter", "CAPI002"));
        }

        CheckEventTime(serverEvent, now, knownSource ? CapiSchema.MaxAgeDays(actionSource) : CapiSchema.MaxEventAgeDays, problems);
        JsonElement userData = Object(serverEvent, "user_data");
        if (userData.ValueKind != JsonValueKind.Object)
        {
            problems.Add(Problem("user_data", "user_data is required", null, "Invalid parameter", null));
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
            problems.Add(Problem("event_time", "event_time is required, as Unix seconds", null, "Invalid parameter", null));
            return;
        }

        if (seconds >= MillisecondThreshold)
        {
            problems.Add(Problem("event_time", "event_time is in milliseconds; Meta wants Unix seconds", null, "Invalid parameter", "CAPI004"));
        }
        else if (seconds < now.AddDays(-maxAgeDays).ToUnixTimeSeconds())
        {
            problems.Add(Problem("event_time", $"event_time is more than {maxAgeDays} days old", 2804003, "Event Timestamp Too Old", "CAPI003"));
        }
        else if (seconds > now.ToUnixTimeSeconds() + CapiSchema.MaxFutureSeconds)
        {
            problems.Add(Problem("event_time", "event_time lies in the future", null, "Invalid parameter", "CAPI003"));
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
                problems.Add(Problem($"user_data.{property.Name}", $"{property.Name} is not a SHA-256 hex digest; Meta rejects unhashed {property.Name}", 2804016, "User Parameter Not Hashed", "CAPI001"));
            }
            else if (property.Name is "fbc" or "fbp" && property.Value.ValueKind == JsonValueKind.String
                && FieldFormats.RawProblem(property.Name == "fbc" ? "click_id" : "browser_id", property.Value.GetString()!) is { } format)
            {
                problems.Add(Problem($"user_data.{property.Name}", $"{property.Name} is {format}", 2804001, "Click ID Incorrectly Formatted", "CAPI007"));
            }
        }

        if (keys.Count == 0)
        {
            problems.Add(Problem("user_data", "user_data has no customer information", 2804050, "Not enough customer information", null));
        }
        else if (CapiSchema.InvalidOnlyCombinations.Any(combination => keys.IsSubsetOf(combination)))
        {
            problems.Add(Problem("user_data", "the customer information is only one of Meta's invalid-only combinations", 2804050, "Not enough customer information", "CAPI013"));
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

                string id = path.StartsWith("app_data", StringComparison.Ordinal) || path == "server_event.app_data" ? "CAPI014" : "CAPI005";
                problems.Add(Problem(Display(path), $"{actionSource.ToPayloadValue()} events require {Display(path)}", null, "Invalid parameter", id));
            }
        }

        foreach (string path in CapiSchema.ForbiddenFields(actionSource))
        {
            if (Has(serverEvent, path))
            {
                problems.Add(Problem(Display(path), $"{Display(path)} is not allowed on {actionSource.ToPayloadValue()} events (Unexpected key)", null, "Invalid parameter", "CAPI014"));
            }
        }

        if (Object(Object(serverEvent, "app_data"), "extinfo") is { ValueKind: JsonValueKind.Array } extinfo && extinfo.GetArrayLength() != CapiSchema.ExtinfoLength)
        {
            problems.Add(Problem("app_data.extinfo", $"extinfo has {extinfo.GetArrayLength()} slots; Meta reads exactly {CapiSchema.ExtinfoLength}", null, "Invalid parameter", "CAPI014"));
        }
    }

    private static void CheckRequiredCustomData(JsonElement serverEvent, string eventName, List<EventProblem> problems)
    {
        JsonElement customData = Object(serverEvent, "custom_data");
        foreach (string key in EventDefinition.RequiredCustomDataKeys(eventName))
        {
            if (customData.ValueKind != JsonValueKind.Object || !customData.TryGetProperty(key, out JsonElement value) || value.ValueKind == JsonValueKind.Null)
            {
                problems.Add(Problem($"custom_data.{key}", $"{eventName} requires custom_data.{key}", 2804019, "Invalid parameter", "CAPI006"));
            }
        }

        if (customData.ValueKind == JsonValueKind.Object && String(customData, "currency") is { } currency && (currency.Length != 3 || !currency.All(char.IsAsciiLetter)))
        {
            problems.Add(Problem("custom_data.currency", "currency is not a three-letter ISO 4217 code", 2804019, "Invalid parameter", "CAPI006"));
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

    private static EventProblem Problem(string field, string message, int? subcode, string title, string? diagnosticId) =>
        new(field, message, ValidationError, subcode, title, diagnosticId);
}
