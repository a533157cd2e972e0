using System.Net;
using CctvMask.Dashboard.Session;
using CctvMask.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace CctvMask.Server.Tests.Hardening;

/// <summary>Issue 8, item 6: wrong API keys in a row end in 429 with Retry-After, even for the right key then.</summary>
public sealed class ThrottleTests
{
    [Fact]
    public async Task Wrong_api_keys_in_a_row_are_throttled_with_retry_after()
    {
        await using var factory = new ServerFactory().With("AuthThrottle:MaxFailures", "5").With("AuthThrottle:LockoutSeconds", "120");
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            using var wrong = factory.CreateClient($"wrong-key-{i}");
            statuses.Add((await wrong.GetAsync("/api/cameras")).StatusCode);
        }
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.Unauthorized, 4).Concat(Enumerable.Repeat(HttpStatusCode.TooManyRequests, 4)), statuses);

        using var right = factory.CreateClient(TestKeys.Admin);
        var locked = await right.GetAsync("/api/cameras");
        Assert.Equal(HttpStatusCode.TooManyRequests, locked.StatusCode);
        Assert.True(locked.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", locked.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_dashboards_own_loopback_calls_are_not_locked_out_by_an_attacker()
    {
        await using var factory = new LoopbackServerFactory();
        factory.With("AuthThrottle:MaxFailures", "3");
        for (var i = 0; i < 5; i++)
        {
            using var wrong = factory.CreateClient($"wrong-key-{i}");
            await wrong.GetAsync("/api/cameras");
        }
        using var curl = factory.CreateClient(TestKeys.Viewer); // plain loopback caller: locked out like anyone
        Assert.Equal(HttpStatusCode.TooManyRequests, (await curl.GetAsync("/api/cameras")).StatusCode);
        using var dashboard = factory.CreateClient(TestKeys.Viewer);
        dashboard.DefaultRequestHeaders.Add(FailureThrottle.DashboardHeader, "1");
        Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync("/api/cameras")).StatusCode);
    }

    private sealed class LoopbackServerFactory : ServerFactory
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
