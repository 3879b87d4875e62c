// Shape: NON-CAPI contact DTO that happens to use the JSON names "em" and "ph" for raw e-mail and phone.
//        NEGATIVE (precision).
// Seen in: Lunggo.ApCommon.ProductBase.Model.Contact (index id 29361864748; repository not identified) -
//          [JsonProperty("nm")], [JsonProperty("ph")], [JsonProperty("em")] on a travel-booking contact.
// Expect: nothing. Raw values under "em"/"ph" are only CAPI001 inside a Meta user_data; this object is never part
//         of an event (no event_name/action_source/user_data/data around it, no Meta endpoint).
// Needs: Newtonsoft.Json
#nullable enable
using Newtonsoft.Json;

namespace CapiKit.RealWorld.Shape26;

public class BookingContact
{
    [JsonProperty("nm")] public string? Name { get; set; }
    [JsonProperty("ctycd")] public string? CountryCode { get; set; }
    [JsonProperty("ph")] public string? Phone { get; set; }
    [JsonProperty("em")] public string? Email { get; set; }
}

public static class BookingApi
{
    public static string ContactJson(string name, string phone, string email)
        => JsonConvert.SerializeObject(new BookingContact { Name = name, CountryCode = "62", Phone = phone, Email = email });
}
