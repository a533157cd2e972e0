using CctvMask.Video.Ingest;
using Microsoft.Extensions.Options;

namespace CctvMask.Video.Tests.Ingest;

public sealed class IngestOptionsTests
{
    [Fact]
    public void Defaults_are_valid() => IngestOptionsValidator.ThrowIfInvalid(new IngestOptions());

    [Fact]
    public void Out_of_range_values_are_listed()
    {
        var options = new IngestOptions { StallTimeout = TimeSpan.Zero, RestartBudget = -1, HardwareAcceleration = "cu da" };
        var e = Assert.Throws<OptionsValidationException>(() => IngestOptionsValidator.ThrowIfInvalid(options));
        Assert.Contains(e.Failures, f => f.Contains(nameof(IngestOptions.StallTimeout)));
        Assert.Contains(e.Failures, f => f.Contains(nameof(IngestOptions.RestartBudget)));
        Assert.Contains(e.Failures, f => f.Contains(nameof(IngestOptions.HardwareAcceleration)));
    }

    [Fact]
    public void Cross_field_rules_are_checked()
    {
        var options = new IngestOptions
        {
            BackoffBase = TimeSpan.FromSeconds(10),
            BackoffCap = TimeSpan.FromSeconds(1),
            StallTimeout = TimeSpan.FromSeconds(2),
            WatchdogInterval = TimeSpan.FromSeconds(3),
        };
        var e = Assert.Throws<OptionsValidationException>(() => IngestOptionsValidator.ThrowIfInvalid(options));
        Assert.Contains(e.Failures, f => f.Contains("BackoffCap"));
        Assert.Contains(e.Failures, f => f.Contains("WatchdogInterval"));
    }

    [Fact]
    public void The_key_frame_interval_is_bounded_and_shorter_than_the_stall_timeout()
    {
        var zero = Assert.Throws<OptionsValidationException>(() =>
            IngestOptionsValidator.ThrowIfInvalid(new IngestOptions { KeyFrameInterval = TimeSpan.Zero }));
        Assert.Contains(zero.Failures, f => f.Contains(nameof(IngestOptions.KeyFrameInterval)));

        var longerThanStall = Assert.Throws<OptionsValidationException>(() => IngestOptionsValidator.ThrowIfInvalid(
            new IngestOptions { KeyFrameInterval = TimeSpan.FromSeconds(12), StallTimeout = TimeSpan.FromSeconds(10) }));
        Assert.Contains(longerThanStall.Failures, f => f.Contains("KeyFrameInterval") && f.Contains("StallTimeout"));

        IngestOptionsValidator.ThrowIfInvalid(new IngestOptions { KeyFrameInterval = TimeSpan.FromSeconds(4), StallTimeout = TimeSpan.FromSeconds(10) });
    }
}
