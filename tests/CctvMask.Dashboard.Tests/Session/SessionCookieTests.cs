using CctvMask.Dashboard.Hosting;
using CctvMask.Dashboard.Session;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;

namespace CctvMask.Dashboard.Tests.Session;

public sealed class SessionCookieTests
{
    private readonly SessionCookie _cookie = new(new EphemeralDataProtectionProvider(), Options.Create(new DashboardOptions()));

    [Theory]
    [InlineData(DashboardRole.Admin)]
    [InlineData(DashboardRole.Viewer)]
    public void Round_trips_key_and_role(DashboardRole role)
    {
        var token = _cookie.Protect("key:with:colons", role);

        Assert.DoesNotContain("key", token, StringComparison.Ordinal);
        Assert.True(_cookie.TryUnprotect(token, out var key, out var back));
        Assert.Equal("key:with:colons", key);
        Assert.Equal(role, back);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-protected-value")]
    public void Rejects_missing_or_forged_values(string? token) =>
        Assert.False(_cookie.TryUnprotect(token, out _, out _));

    [Fact]
    public void Rejects_a_value_protected_by_another_key_ring()
    {
        var other = new SessionCookie(new EphemeralDataProtectionProvider(), Options.Create(new DashboardOptions()));
        var token = other.Protect("k", DashboardRole.Admin);

        Assert.False(_cookie.TryUnprotect(token, out _, out _));
    }

    [Fact]
    public void Restore_fills_and_clears_the_session()
    {
        var session = new DashboardSession();

        Assert.True(_cookie.TryRestore(_cookie.Protect("admin-key", DashboardRole.Admin), session));
        Assert.True(session.IsAdmin);
        Assert.Equal("admin-key", session.ApiKey);

        Assert.False(_cookie.TryRestore("garbage", session));
        Assert.False(session.IsSignedIn);
        Assert.False(session.IsAdmin);
    }

    [Fact]
    public void Logout_revokes_the_cookie_so_a_kept_copy_no_longer_opens_a_session()
    {
        var kept = _cookie.Protect("admin-key", DashboardRole.Admin);
        var other = _cookie.Protect("admin-key", DashboardRole.Admin);
        var context = new Microsoft.AspNetCore.Http.DefaultHttpContext();
        context.Request.Headers.Cookie = $"{SessionCookie.Name}={kept}";

        _cookie.Revoke(context);

        Assert.False(_cookie.TryUnprotect(kept, out _, out _));
        Assert.True(_cookie.TryUnprotect(other, out _, out _)); // another login's session lives on
    }
}
