using System.Net;
using CctvMask.Server.Audit;
using Microsoft.AspNetCore.Http;

namespace CctvMask.Server.Tests.Audit;

public sealed class AuditClientTests
{
    private static HttpContext Call(string remote, bool dashboard, string? forwarded)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (dashboard) http.Request.Headers["X-Cctv-Dashboard"] = "1";
        if (forwarded is not null) http.Request.Headers[AuditClient.ForwardedHeader] = forwarded;
        return http;
    }

    [Fact]
    public void The_dashboard_names_the_browser_and_nobody_else_can()
    {
        Assert.Equal("198.51.100.7 (dashboard)", AuditClient.Address(Call("127.0.0.1", dashboard: true, "198.51.100.7")));
        // A remote client claiming another address is recorded as itself.
        Assert.Equal("203.0.113.9", AuditClient.Address(Call("203.0.113.9", dashboard: true, "198.51.100.7")));
        Assert.Equal("127.0.0.1", AuditClient.Address(Call("127.0.0.1", dashboard: false, "198.51.100.7")));
        Assert.Equal("127.0.0.1", AuditClient.Address(Call("127.0.0.1", dashboard: true, "not an address")));
    }

    [Theory]
    [InlineData(200, "ok")]
    [InlineData(201, "ok")]
    [InlineData(204, "ok")]
    [InlineData(400, "invalid")]
    [InlineData(403, "forbidden")]
    [InlineData(404, "not_found")]
    [InlineData(409, "conflict")]
    [InlineData(413, "invalid")]
    [InlineData(503, "error")]
    public void Outcomes_follow_the_status(int status, string outcome) => Assert.Equal(outcome, AuditOutcomes.FromStatus(status));

    [Fact]
    public void An_anonymous_caller_is_named_so()
    {
        var http = new DefaultHttpContext();
        Assert.Equal(AuditClient.Anonymous, AuditClient.KeyName(http.User));
        Assert.Equal("none", AuditClient.Role(http.User));
    }
}
