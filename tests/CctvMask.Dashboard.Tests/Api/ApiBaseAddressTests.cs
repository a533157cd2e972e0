using CctvMask.Dashboard.Api;

namespace CctvMask.Dashboard.Tests.Api;

public sealed class ApiBaseAddressTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5123", "http://127.0.0.1:5123/")]
    [InlineData("http://0.0.0.0:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://[::]:8080", "http://127.0.0.1:8080/")]
    [InlineData("http://+:80", "http://127.0.0.1/")]
    [InlineData("http://*:5000", "http://127.0.0.1:5000/")]
    [InlineData("https://localhost:5001", "https://localhost:5001/")]
    public void Maps_listening_addresses_to_a_reachable_base(string listening, string expected) =>
        Assert.Equal(new Uri(expected), ApiBaseAddress.FromListeningAddresses([listening]));

    [Fact]
    public void Prefers_plain_http_over_https()
    {
        var uri = ApiBaseAddress.FromListeningAddresses(["https://0.0.0.0:8443", "http://0.0.0.0:8080"]);
        Assert.Equal(new Uri("http://127.0.0.1:8080/"), uri);
    }

    [Fact]
    public void No_usable_address_gives_null() =>
        Assert.Null(ApiBaseAddress.FromListeningAddresses(["unix:/tmp/kestrel.sock", "not a url"]));
}
