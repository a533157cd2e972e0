using System.Net;
using CctvMask.Dashboard.Session;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Hardening;

/// <summary>Issue 8, item 7: behind a TLS-terminating proxy the session cookie is Secure.</summary>
public sealed class ForwardedProtoTests
{
    [Fact]
    public async Task Behind_a_trusted_tls_proxy_the_session_cookie_is_secure()
    {
        await using var factory = new ProxiedServerFactory();
        factory.With("Server:UseForwardedHeaders", "true");
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/logout");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("Cookie", $"{SessionCookie.Name}=x");
        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var setCookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith(SessionCookie.Name, StringComparison.Ordinal));
        Assert.Contains("secure", setCookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The test server has no remote address; the proxy is loopback (trusted by default).</summary>
    private sealed class ProxiedServerFactory : ServerFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureServices(s => s.AddSingleton<IStartupFilter>(new LoopbackPeer()));
        }
    }

    private sealed class LoopbackPeer : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
