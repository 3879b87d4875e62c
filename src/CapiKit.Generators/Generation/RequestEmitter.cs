using System.Linq;
using CapiKit.Generators.Common;
using CapiKit.Generators.Schema;

namespace CapiKit.Generators.Generation;

/// <summary>
/// <c>EventRequest</c>, the body of one request: the schema's request fields, less the secrets (the access
/// token and its proof), which the delivery client adds and which must never sit in a serializable object.
/// </summary>
internal static class RequestEmitter
{
    public static string EmitRequest(SchemaModel schema)
    {
        ObjectSpec body = new(
            "event_request",
            "The body of one Conversions API request: at most 1,000 events and the request options.",
            schema.RequestFields.Where(f => !f.Secret).ToEquatableArray(),
            default,
            default);
        return BuilderEmitter.EmitBuilder(schema, body);
    }
}
