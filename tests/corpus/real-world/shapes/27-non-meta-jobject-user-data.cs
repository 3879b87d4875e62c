// Shape: NON-CAPI JObject/JArray body with a "user_data" object holding an "ip_address" - a game-server
//        deployment request. NEGATIVE (precision).
// Seen in: Edgegap deployment client (index id 10955321514; repository not identified) -
//          new JObject { ["user_type"] = "ip_address", ["user_data"] = new JObject { ["ip_address"] = ip } }.
// Expect: nothing. "user_data" is a common key outside Meta; no event around it.
// Needs: Newtonsoft.Json
#nullable enable
using Newtonsoft.Json.Linq;

namespace CapiKit.RealWorld.Shape27;

public static class DeploymentRequest
{
    public static string Build(string app, string version, string hostIp)
    {
        var users = new JArray
        {
            new JObject
            {
                ["user_type"] = "ip_address",
                ["user_data"] = new JObject { ["ip_address"] = hostIp },
            },
        };
        var body = new JObject
        {
            ["application"] = app,
            ["version"] = version,
            ["users"] = users,
        };
        return body.ToString();
    }
}
