using CctvMask.Video.Ingest;

namespace CctvMask.Video.Tests.Ingest;

public sealed class ReconnectPipelineTests
{
    [Fact]
    public async Task Delays_grow_exponentially_with_jitter_and_are_capped()
    {
        var options = new IngestOptions { BackoffBase = TimeSpan.FromMilliseconds(4), BackoffCap = TimeSpan.FromMilliseconds(40) };

        async Task<List<TimeSpan>> RunAsync(Func<double> random)
        {
            var delays = new List<TimeSpan>();
            var pipeline = ReconnectPipeline.Create(options, (_, d, _) => delays.Add(d), randomizer: random);
            var attempts = 0;
            await pipeline.ExecuteAsync(_ =>
            {
                if (++attempts <= 10) throw new InvalidOperationException("down");
                return ValueTask.CompletedTask;
            });
            return delays;
        }

        var low = await RunAsync(() => 0.1);
        var high = await RunAsync(() => 0.9);
        var random = await RunAsync(Random.Shared.NextDouble);

        Assert.Equal(10, low.Count);
        Assert.All(low.Concat(high).Concat(random), d => Assert.InRange(d, TimeSpan.Zero, options.BackoffCap));
        Assert.Equal(options.BackoffCap, low[^1]);                      // capped after a few attempts
        Assert.True(low[2] > low[0], $"not growing: {string.Join(", ", low)}");
        Assert.NotEqual(low.Take(3), high.Take(3));                       // the random draw moves the delays (jitter)
    }

    [Fact]
    public async Task Retries_forever_until_cancelled()
    {
        var options = new IngestOptions { BackoffBase = TimeSpan.FromMilliseconds(1), BackoffCap = TimeSpan.FromMilliseconds(2) };
        var attempts = 0;
        using var cts = new CancellationTokenSource();
        var pipeline = ReconnectPipeline.Create(options, (attempt, _, _) => { if (attempt >= 50) cts.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            await pipeline.ExecuteAsync(_ => { attempts++; throw new InvalidOperationException("down"); }, cts.Token));
        Assert.True(attempts >= 50);
    }

    [Fact]
    public async Task Reports_the_failure_to_the_callback()
    {
        var options = new IngestOptions { BackoffBase = TimeSpan.FromMilliseconds(1), BackoffCap = TimeSpan.FromMilliseconds(1) };
        Exception? seen = null;
        var first = true;
        await ReconnectPipeline.Create(options, (_, _, e) => seen = e).ExecuteAsync(_ =>
        {
            if (first) { first = false; throw new IngestSessionException("connection refused"); }
            return ValueTask.CompletedTask;
        });
        Assert.Equal("connection refused", seen?.Message);
    }
}
