using System.Net;
using CctvMask.Server.Tests.Infrastructure;

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
}
