using CapiKit.Pii;

namespace CapiKit.Tests.Model;

/// <summary>
/// Meta's own payload examples (server-event parameters page; app events page), rebuilt with CapiKit's builders:
/// the request body CapiKit writes matches Meta's field for field.
/// </summary>
public sealed class MetaPayloadExampleTests
{
    private const string WebsitePurchase = """
        {
          "data": [
            {
              "event_name": "Purchase",
              "event_time": 1633552688,
              "event_id": "event.id.123",
              "event_source_url": "http:\/\/jaspers-market.com\/product\/123",
              "action_source": "website",
              "user_data": {
                "client_ip_address": "192.19.9.9",
                "client_user_agent": "test ua",
                "em": ["309a0a5c3e211326ae75ca18196d301a9bdbd1a882a4d2569511033da23f0abd"],
                "ph": ["254aa248acb47dd654ca3ea53f48c2c26d641d23d7e2e93a1ec56258df7674c4", "6f4fcb9deaeadc8f9746ae76d97ce1239e98b404efe5da3ee0b7149740f89ad6"],
                "fbc": "fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890",
                "fbp": "fb.1.1558571054389.1098115397"
              },
              "custom_data": {
                "value": 100.2,
                "currency": "USD",
                "content_ids": ["product.id.123"],
                "content_type": "product"
              },
              "opt_out": false
            }
          ]
        }
        """;

    private const string AppPurchase = """
        {
          "data": [
            {
              "event_name": "Purchase",
              "event_time": 1684389752,
              "action_source": "app",
              "user_data": {
                "client_ip_address": "1.2.3.4",
                "madid": "38400000-8cf0-11bd-b23e-10b96e40000d"
              },
              "app_data": {
                "advertiser_tracking_enabled": 1,
                "application_tracking_enabled": 1,
                "extinfo": ["i2", "com.facebook.sdk.samples.hellofacebook", "1.0", "1.0 long", "13.4.1", "iPhone5,1", "En_US", "PDT", "AT&T", "320", "568", "2", "2", "13", "8", "USA/New York"]
              },
              "custom_data": { "currency": "USD", "value": 142.52 }
            }
          ],
          "test_event_code": "TEST12345"
        }
        """;

    [Fact]
    public void The_website_purchase_example_round_trips()
    {
        ServerEvent purchase = ServerEvent.ForWebsite(
                EventDefinition.Purchase(100.2m, "USD"),
                DateTimeOffset.FromUnixTimeSeconds(1633552688),
                eventSourceUrl: "http://jaspers-market.com/product/123",
                clientUserAgent: "test ua")
            .SetEventId("event.id.123")
            .SetOptOut(false);
        purchase.UserData
            .SetClientIpAddress("192.19.9.9")
            .AddEmailHash(Sha256Hash.Parse("309a0a5c3e211326ae75ca18196d301a9bdbd1a882a4d2569511033da23f0abd"))
            .AddPhoneHash(Sha256Hash.Parse("254aa248acb47dd654ca3ea53f48c2c26d641d23d7e2e93a1ec56258df7674c4"))
            .AddPhoneHash(Sha256Hash.Parse("6f4fcb9deaeadc8f9746ae76d97ce1239e98b404efe5da3ee0b7149740f89ad6"))
            .SetClickId("fb.1.1554763741205.AbCdEfGhIjKlMnOpQrStUvWxYz1234567890")
            .SetBrowserId("fb.1.1558571054389.1098115397");
        purchase.CustomData!.AddContentId("product.id.123").SetContentType(ContentType.Product);

        JsonAssert.Equivalent(WebsitePurchase, new EventRequest([purchase]).ToJson());
        Assert.Empty(purchase.Rejected);
    }

    [Fact]
    public void The_app_purchase_example_round_trips()
    {
        ExtInfo device = new(version: "i2", osVersion: "13.4.1")
        {
            AppPackageName = "com.facebook.sdk.samples.hellofacebook",
            ShortVersion = "1.0",
            LongVersion = "1.0 long",
            DeviceModelName = "iPhone5,1",
            Locale = "En_US",
            TimezoneAbbreviation = "PDT",
            Carrier = "AT&T",
            ScreenWidth = "320",
            ScreenHeight = "568",
            ScreenDensity = "2",
            CpuCores = "2",
            ExternalStorageSize = "13",
            FreeSpaceInExternalStorage = "8",
            DeviceTimezone = "USA/New York",
        };
        ServerEvent purchase = ServerEvent.ForApp(
            EventDefinition.Purchase(142.52m, "USD"),
            DateTimeOffset.FromUnixTimeSeconds(1684389752),
            new AppData(advertiserTrackingEnabled: true, device).SetApplicationTrackingEnabled(true));
        purchase.UserData.SetClientIpAddress("1.2.3.4").SetMobileAdvertiserId("38400000-8cf0-11bd-b23e-10b96e40000d");

        JsonAssert.Equivalent(AppPurchase, new EventRequest([purchase]).SetTestEventCode("TEST12345").ToJson());
    }
}
