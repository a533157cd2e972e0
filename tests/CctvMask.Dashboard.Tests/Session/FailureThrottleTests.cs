using System.Net;
using CctvMask.Dashboard.Session;
using Microsoft.Extensions.Options;

namespace CctvMask.Dashboard.Tests.Session;

public sealed class FailureThrottleTests
{
    private static readonly IPAddress Client = IPAddress.Parse("203.0.113.7");

    private static (FailureThrottle Throttle, ManualClock Clock) Create()
    {
        var clock = new ManualClock();
        var options = Options.Create(new FailureThrottleOptions { MaxFailures = 3, WindowSeconds = 60, LockoutSeconds = 30 });
        return (new FailureThrottle(options, clock), clock);
    }

    [Fact]
    public void The_third_wrong_key_in_a_window_locks_the_address_out_until_the_lockout_ends()
    {
        var (throttle, clock) = Create();
        Assert.Null(throttle.Failure(Client));
        Assert.Null(throttle.Failure(Client));
        Assert.Equal(TimeSpan.FromSeconds(30), throttle.Failure(Client));
        Assert.Null(throttle.RetryAfter(IPAddress.Parse("203.0.113.8"))); // another address is not affected
        clock.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(TimeSpan.FromSeconds(20), throttle.RetryAfter(Client));
        clock.Advance(TimeSpan.FromSeconds(21));
        Assert.Null(throttle.RetryAfter(Client));
    }

    [Fact]
    public void Failures_spread_beyond_the_window_do_not_add_up()
    {
        var (throttle, clock) = Create();
        for (var i = 0; i < 10; i++)
        {
            Assert.Null(throttle.Failure(Client));
            if (i % 2 == 1) clock.Advance(TimeSpan.FromSeconds(61));
        }
    }

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UnixEpoch;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
