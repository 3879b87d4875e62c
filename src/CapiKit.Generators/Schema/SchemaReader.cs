using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using CapiKit.Generators.Common;

namespace CapiKit.Generators.Schema;

/// <summary>
/// Reads the built-in schema and users' extension files into <see cref="SchemaModel"/> values. It never throws
/// for bad input: every problem becomes a <see cref="SchemaProblem"/> at its file and line.
/// </summary>
internal static class SchemaReader
{
    private static readonly HashSet<string> ValueTypes = new()
    {
        "string", "integer", "int64", "number", "boolean", "url", "unix_seconds", "currency", "enum", "object", "array", "extinfo",
    };

    /// <summary>Reads the built-in schema; a problem here is a CapiKit bug, reported rather than thrown.</summary>
    public static (SchemaModel? Model, SchemaProblem? Problem) ReadBuiltIn(string path, string text)
    {
        try
        {
            JsonTree root = JsonTree.Parse(text);
            Context context = new(path);
            SchemaModel model = new(
                GraphApiVersion: context.RequiredString(root, "graphApiVersion"),
                MaxEvents: (int)context.Required(root, "request", JsonValueKind.Object)["maxEvents"]!.Number,
                EventTime: ReadEventTime(context, context.Required(root, "eventTime", JsonValueKind.Object)),
                ActionSources: context.Required(root, "actionSources", JsonValueKind.Array).Items.Select(a => ReadActionSource(context, a)).ToEquatableArray(),
                StandardEvents: context.Required(root, "standardEvents", JsonValueKind.Array).Items.Select(e => ReadEvent(context, e)).ToEquatableArray(),
                Objects: context.Required(root, "objects", JsonValueKind.Object).Properties.Select(p => ReadObject(context, p.Key, p.Value)).ToEquatableArray(),
                Enums: context.Required(root, "enums", JsonValueKind.Object).Properties.Select(p => ReadEnum(context, root, p.Key, p.Value)).ToEquatableArray(),
                RequestFields: ReadFields(context, context.Required(context.Required(root, "request", JsonValueKind.Object), "fields", JsonValueKind.Array)),
                Errors: context.Required(root, "errors", JsonValueKind.Array).Items.Select(e => new ErrorSpec(
                    (int)e["code"]!.Number,
                    (int)(e["codeTo"] ?? e["code"]!).Number,
                    e["subcode"] is { } subcode ? (int)subcode.Number : null,
                    context.RequiredString(e, "retry"),
                    context.RequiredString(e, "title"),
                    context.OptionalString(e, "diagnostic"))).ToEquatableArray(),
                Formats: context.Required(root, "formats", JsonValueKind.Object).Properties
                    .Select(p => new FormatSpec(p.Key, context.RequiredString(p.Value, "pattern"), context.RequiredString(p.Value, "problem")))
                    .ToEquatableArray(),
                Currencies: context.Required(context.Required(root, "currencies", JsonValueKind.Object), "codes", JsonValueKind.Array).Items.Select(c => c.String ?? "").ToEquatableArray(),
                Rules: context.Required(root, "rules", JsonValueKind.Array).Items.Select(r => ReadRule(context, r)).ToEquatableArray());
            return context.Problems.Count == 0 ? (model, null) : (null, context.Problems[0]);
        }
        catch (JsonException e)
        {
            return (null, new SchemaProblem(DiagnosticIds.MalformedSchemaFile, path, (int)(e.LineNumber ?? 0), e.Message, (int)(e.BytePositionInLine ?? 0)));
        }
    }

    /// <summary>Reads a user's extension file and checks it against the built-in schema.</summary>
    public static (ExtensionSpec? Extension, EquatableArray<SchemaProblem> Problems) ReadExtension(string path, string text, SchemaModel builtIn)
    {
        JsonTree root;
        try
        {
            root = JsonTree.Parse(text);
        }
        catch (JsonException e)
        {
            string reason = e.Message.Split('.')[0];
            return (null, new[] { new SchemaProblem(DiagnosticIds.MalformedSchemaFile, path, (int)(e.LineNumber ?? 0), reason, (int)(e.BytePositionInLine ?? 0)) }.ToEquatableArray());
        }

        Context context = new(path);
        if (root.Kind != JsonValueKind.Object)
        {
            context.Invalid(root, "an extension file is a JSON object with customEvents and/or customDataFields");
            return (null, context.Problems.ToEquatableArray());
        }

        foreach (KeyValuePair<string, JsonTree> property in root.Properties)
        {
            if (property.Key is not ("$schema" or "description" or "customEvents" or "customDataFields"))
            {
                context.Invalid(property.Value, $"unknown property '{property.Key}'; an extension file has customEvents and customDataFields");
            }
        }

        JsonTree? eventsNode = context.Optional(root, "customEvents", JsonValueKind.Array);
        JsonTree? fieldsNode = context.Optional(root, "customDataFields", JsonValueKind.Array);
        if (eventsNode is null && fieldsNode is null)
        {
            context.Invalid(root, "an extension file needs customEvents or customDataFields");
        }

        EquatableArray<FieldSpec> fields = fieldsNode is null ? default : ReadFields(context, fieldsNode);
        EquatableArray<EventSpec> events = eventsNode is null ? default : eventsNode.Items.Select(e => ReadEvent(context, e)).ToEquatableArray();

        // ReadFields skips entries that are no object; the nodes of the fields it read are the object entries.
        List<JsonTree> fieldNodes = fieldsNode?.Items.Where(n => n.Kind == JsonValueKind.Object).ToList() ?? new List<JsonTree>();
        List<JsonTree> eventNodes = eventsNode?.Items ?? new List<JsonTree>();
        CheckAgainstBuiltIn(context, builtIn, eventNodes, events, fieldNodes, fields);

        // One bad entry does not cost the file its good ones: entries with a problem are reported and left out,
        // and so is an event that requires a key left out; the rest is generated.
        List<FieldSpec> goodFields = fields.Where((_, i) => !context.HasProblemIn(fieldNodes[i])).ToList();
        HashSet<string> usableKeys = new(builtIn.Object("custom_data").Fields.Select(f => f.Name).Concat(goodFields.Select(f => f.Name)));
        List<EventSpec> goodEvents = events
            .Where((e, i) => !context.HasProblemIn(eventNodes[i]) && e.RequiredCustomData.All(usableKeys.Contains))
            .ToList();
        ExtensionSpec? extension = goodFields.Count + goodEvents.Count > 0
            ? new ExtensionSpec(path, goodEvents.ToEquatableArray(), goodFields.ToEquatableArray())
            : null;
        return (extension, context.Problems.ToEquatableArray());
    }

    private static void CheckAgainstBuiltIn(
        Context context,
        SchemaModel builtIn,
        List<JsonTree> eventNodes,
        EquatableArray<EventSpec> events,
        List<JsonTree> fieldNodes,
        EquatableArray<FieldSpec> fields)
    {
        HashSet<string> standardKeys = new(builtIn.Object("custom_data").Fields.Select(f => f.Name));
        HashSet<string> declaredKeys = new(fields.Select(f => f.Name));
        for (int i = 0; i < fields.Count; i++)
        {
            FieldSpec field = fields[i];
            JsonTree node = fieldNodes[i];
            if (standardKeys.Contains(field.Name))
            {
                context.Conflict(node, $"custom_data key '{field.Name}' is already a standard key; a custom key must not collide with it");
            }

            // Generated as the constant CustomData.Keys.Keys, which C# forbids (a member named as its class).
            if (field.Name == "keys")
            {
                context.Invalid(node, "custom_data key 'keys' clashes with the generated Keys class; choose another name");
            }

            if (field.Type.Kind is "object" or "extinfo" || field.Items?.Kind is "object")
            {
                context.Invalid(node, $"custom_data key '{field.Name}': custom keys take strings, numbers, booleans, enums or arrays of them");
            }

            foreach (TypeSpec? type in new[] { field.Type, field.Items })
            {
                if (type?.Enum is { } enumName && builtIn.Enum(enumName) is null)
                {
                    context.Invalid(node, $"custom_data key '{field.Name}' names the unknown enum '{enumName}'");
                }
            }
        }

        HashSet<string> standardEvents = new(builtIn.StandardEvents.Select(e => e.Name));
        HashSet<string> eventNames = new();
        for (int i = 0; i < events.Count; i++)
        {
            EventSpec spec = events[i];
            JsonTree node = eventNodes[i];
            if (standardEvents.Contains(spec.Name))
            {
                context.Conflict(node, $"custom event '{spec.Name}' has the name of a standard event");
            }

            if (spec.Name.Length > 0 && !eventNames.Add(spec.Name))
            {
                context.Conflict(node, $"custom event '{spec.Name}' is declared twice");
            }

            foreach (string key in spec.RequiredCustomData.GroupBy(k => k).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                context.Invalid(node, $"custom event '{spec.Name}' requires custom_data key '{key}' more than once");
            }

            foreach (string key in spec.RequiredCustomData)
            {
                if (!standardKeys.Contains(key) && !declaredKeys.Contains(key))
                {
                    context.Invalid(node, $"custom event '{spec.Name}' requires custom_data key '{key}', which is neither standard nor declared in customDataFields");
                }
            }
        }
    }

    private static EventTimeSpec ReadEventTime(Context context, JsonTree node) =>
        new((int)context.Required(node, "maxAgeDays", JsonValueKind.Number).Number, (int)context.Required(node, "maxFutureSeconds", JsonValueKind.Number).Number);

    private static ActionSourceSpec ReadActionSource(Context context, JsonTree node) => new(
        Value: context.RequiredString(node, "value"),
        Description: context.RequiredString(node, "description"),
        Requires: ReadPaths(context.Optional(node, "requires", JsonValueKind.Object)),
        Forbids: ReadPaths(context.Optional(node, "forbids", JsonValueKind.Object)),
        MaxAgeDays: node["maxAgeDays"] is { } days ? (int)days.Number : null,
        RequiresRule: context.OptionalString(node, "requiresRule"),
        ForbidsRule: context.OptionalString(node, "forbidsRule"));

    private static RuleSpec ReadRule(Context context, JsonTree node) => new(
        Id: context.RequiredString(node, "id"),
        Name: context.RequiredString(node, "name"),
        Title: context.RequiredString(node, "title"),
        Severity: context.RequiredString(node, "severity"),
        Category: context.RequiredString(node, "category"),
        Description: context.RequiredString(node, "description"),
        Enforces: context.Required(node, "enforces", JsonValueKind.Array).Items.Select(i => i.String ?? "").ToEquatableArray(),
        Prevents: context.Required(node, "prevents", JsonValueKind.Array).Items
            .Select(e => new RuleErrorSpec((int)context.Required(e, "code", JsonValueKind.Number).Number, e["subcode"] is { } subcode ? (int)subcode.Number : null))
            .ToEquatableArray(),
        Messages: context.Required(node, "messages", JsonValueKind.Object).Properties
            .Select(p => new RuleMessageSpec(p.Key, p.Value.String ?? "", null))
            .ToEquatableArray(),
        Preflight: context.Required(node, "preflight", JsonValueKind.Object).Properties
            .Select(p => new RuleMessageSpec(p.Key, context.RequiredString(p.Value, "text"), p.Value["subcode"] is { } subcode ? (int)subcode.Number : null))
            .ToEquatableArray());

    private static EquatableArray<FieldPath> ReadPaths(JsonTree? node) =>
        node is null
            ? default
            : node.Properties.SelectMany(p => p.Value.Items.Select(f => new FieldPath(p.Key, f.String ?? ""))).ToEquatableArray();

    private static EventSpec ReadEvent(Context context, JsonTree node)
    {
        CheckProperties(context, node, EventProperties, "an event");
        string name = context.RequiredString(node, "name");
        if (name.Length > 0 && !IsEventName(name))
        {
            context.Invalid(node, $"event name '{name}' must start with a letter and hold only letters, digits and underscores (at most 50)");
        }

        return new EventSpec(
            name,
            context.RequiredString(node, "description"),
            (context.Optional(node, "requiredCustomData", JsonValueKind.Array)?.Items ?? new List<JsonTree>()).Select(i => i.String ?? "").ToEquatableArray(),
            context.OptionalString(node, "requiredCustomDataRule"),
            (context.Optional(node, "channels", JsonValueKind.Array)?.Items ?? new List<JsonTree>()).Select(i => i.String ?? "").ToEquatableArray());
    }

    private static ObjectSpec ReadObject(Context context, string name, JsonTree node)
    {
        JsonTree? extinfo = node["extinfo"];
        JsonTree? combinations = node["invalidOnlyCombinations"];
        return new ObjectSpec(
            name,
            context.RequiredString(node, "description"),
            ReadFields(context, context.Required(node, "fields", JsonValueKind.Array)),
            extinfo is null
                ? default
                : context.Required(extinfo, "slots", JsonValueKind.Array).Items.Select(s => new ExtinfoSlotSpec(
                    (int)s["index"]!.Number, context.RequiredString(s, "name"), s["required"]?.Kind == JsonValueKind.True, context.RequiredString(s, "description"))).ToEquatableArray(),
            combinations is null
                ? default
                : combinations.Items.Select(c => c.Items.Select(k => k.String ?? "").ToEquatableArray()).ToEquatableArray());
    }

    private static EnumSpec ReadEnum(Context context, JsonTree root, string name, JsonTree node)
    {
        string description = context.RequiredString(node, "description");
        if (node["fromActionSources"]?.Kind == JsonValueKind.True)
        {
            EquatableArray<EnumValueSpec> sources = root["actionSources"]!.Items
                .Select(a => new EnumValueSpec(a["value"]!.String!, a["value"]!.String!, a["description"]!.String!)).ToEquatableArray();
            return new EnumSpec(name, description, IsNumeric: false, sources);
        }

        List<JsonTree> values = context.Required(node, "values", JsonValueKind.Array).Items;
        bool numeric = values.Count > 0 && values[0]["value"]?.Kind == JsonValueKind.Number;
        return new EnumSpec(
            name,
            description,
            numeric,
            values.Select(v =>
            {
                string value = numeric ? ((long)v["value"]!.Number).ToString(System.Globalization.CultureInfo.InvariantCulture) : context.RequiredString(v, "value");
                return new EnumValueSpec(value, context.OptionalString(v, "name") ?? value, context.RequiredString(v, "description"));
            }).ToEquatableArray());
    }

    // The meta-schema's "field" and "eventDefinition" properties: anything else is a slip ("requiredCustomDta")
    // that would otherwise be ignored silently.
    private static readonly HashSet<string> FieldProperties = new()
    {
        "name", "type", "required", "requiredWhen", "description", "source", "object", "enum", "items", "maxItems",
        "sdkOnly", "secret", "group", "label", "cardinality", "hashing", "normalization", "format",
    };

    private static readonly HashSet<string> EventProperties = new() { "name", "description", "requiredCustomData", "requiredCustomDataRule", "channels", "source" };

    private static void CheckProperties(Context context, JsonTree node, HashSet<string> allowed, string what)
    {
        foreach (KeyValuePair<string, JsonTree> property in node.Properties)
        {
            if (!allowed.Contains(property.Key))
            {
                context.Invalid(property.Value, $"unknown property '{property.Key}' in {what}; the meta-schema allows {string.Join(", ", allowed)}");
            }
        }
    }

    private static EquatableArray<FieldSpec> ReadFields(Context context, JsonTree array)
    {
        List<FieldSpec> fields = new();
        HashSet<string> names = new();
        foreach (JsonTree node in array.Items)
        {
            if (node.Kind != JsonValueKind.Object)
            {
                context.Invalid(node, "a field is a JSON object with name, type, required and description");
                continue;
            }

            CheckProperties(context, node, FieldProperties, "a field");
            FieldSpec field = ReadField(context, node);
            if (field.Name.Length > 0 && !names.Add(field.Name))
            {
                context.Conflict(node, $"the key '{field.Name}' is declared twice");
            }

            fields.Add(field);
        }

        return fields.ToEquatableArray();
    }

    private static FieldSpec ReadField(Context context, JsonTree node)
    {
        string name = context.RequiredString(node, "name");
        if (name.Length > 0 && !IsSnakeName(name))
        {
            context.Invalid(node, $"key '{name}' must be snake_case: lower-case letters, digits and underscores, starting with a letter");
        }

        TypeSpec type = ReadType(context, node, name);
        TypeSpec? items = node["items"] is { } itemsNode ? ReadType(context, itemsNode, name) : null;
        if (type.Kind == "array" && items is null)
        {
            context.Invalid(node, $"key '{name}' is an array; say the type of its items with \"items\"");
        }

        string requirement = context.RequiredString(node, "required");
        if (requirement.Length > 0 && requirement is not ("always" or "conditional" or "optional"))
        {
            context.Invalid(node["required"]!, $"key '{name}': \"required\" is always, conditional or optional");
        }

        string? requiredWhen = context.OptionalString(node, "requiredWhen");
        if (requirement == "conditional" && requiredWhen is null)
        {
            context.Invalid(node, $"key '{name}' is conditionally required; say when with \"requiredWhen\"");
        }

        return new FieldSpec(
            name,
            type,
            items,
            requirement,
            requiredWhen,
            context.RequiredString(node, "description"),
            context.OptionalString(node, "label"),
            context.OptionalString(node, "cardinality") == "many",
            context.OptionalString(node, "hashing"),
            context.OptionalString(node, "normalization"),
            context.OptionalString(node, "format"),
            node["sdkOnly"]?.Kind == JsonValueKind.True,
            node["secret"]?.Kind == JsonValueKind.True,
            context.OptionalString(node, "group"));
    }

    private static TypeSpec ReadType(Context context, JsonTree node, string fieldName)
    {
        string kind = context.RequiredString(node, "type");
        if (kind.Length > 0 && !ValueTypes.Contains(kind))
        {
            context.Invalid(node["type"]!, $"key '{fieldName}' has the unknown type '{kind}'; use one of {string.Join(", ", ValueTypes)}");
        }

        string? objectName = context.OptionalString(node, "object");
        string? enumName = context.OptionalString(node, "enum");
        if (kind == "object" && objectName is null)
        {
            context.Invalid(node, $"key '{fieldName}' is an object; name it with \"object\"");
        }

        if (kind == "enum" && enumName is null)
        {
            context.Invalid(node, $"key '{fieldName}' is an enum; name it with \"enum\"");
        }

        return new TypeSpec(kind, objectName, enumName);
    }

    private static bool IsSnakeName(string name) =>
        name.Length > 0 && name[0] is >= 'a' and <= 'z' && name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_');

    private static bool IsEventName(string name) =>
        name.Length <= 50 && char.IsLetter(name[0]) && name.All(c => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_');

    /// <summary>The file being read and the problems found so far.</summary>
    private sealed class Context
    {
        public Context(string path) => Path = path;

        public string Path { get; }

        public List<SchemaProblem> Problems { get; } = new();

        private readonly HashSet<JsonTree> _problemNodes = new();

        public void Invalid(JsonTree node, string message)
        {
            _problemNodes.Add(node);
            Problems.Add(new SchemaProblem(DiagnosticIds.InvalidSchemaFile, Path, node.Line, message, node.Column));
        }

        public void Conflict(JsonTree node, string message)
        {
            _problemNodes.Add(node);
            Problems.Add(new SchemaProblem(DiagnosticIds.SchemaNameConflict, Path, node.Line, message, node.Column));
        }

        /// <summary>Whether a problem was reported at this node or anywhere inside it.</summary>
        public bool HasProblemIn(JsonTree node) =>
            _problemNodes.Contains(node)
            || node.Properties.Any(p => HasProblemIn(p.Value))
            || node.Items.Any(HasProblemIn);

        public JsonTree Required(JsonTree node, string name, JsonValueKind kind)
        {
            JsonTree? value = Optional(node, name, kind);
            if (value is null)
            {
                Invalid(node, $"\"{name}\" is required here");
                return kind == JsonValueKind.Array ? EmptyArray(node) : node;
            }

            return value;
        }

        public JsonTree? Optional(JsonTree node, string name, JsonValueKind kind)
        {
            JsonTree? value = node[name];
            if (value is null || value.Kind == JsonValueKind.Null)
            {
                return null;
            }

            if (value.Kind != kind && !(kind == JsonValueKind.True && value.Kind == JsonValueKind.False))
            {
                Invalid(value, $"\"{name}\" must be {Describe(kind)}");
                return null;
            }

            return value;
        }

        public string RequiredString(JsonTree node, string name)
        {
            string? value = OptionalString(node, name);
            if (value is null)
            {
                Invalid(node, $"\"{name}\" is required here");
                return "";
            }

            return value;
        }

        public string? OptionalString(JsonTree node, string name)
        {
            JsonTree? value = Optional(node, name, JsonValueKind.String);
            if (value is not null && string.IsNullOrWhiteSpace(value.String))
            {
                Invalid(value, $"\"{name}\" must not be empty");
                return null;
            }

            return value?.String;
        }

        private static JsonTree EmptyArray(JsonTree near) => JsonTree.EmptyArray(near.Line, near.Column);

        private static string Describe(JsonValueKind kind) => kind switch
        {
            JsonValueKind.Object => "an object",
            JsonValueKind.Array => "an array",
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            _ => "a boolean",
        };
    }
}
