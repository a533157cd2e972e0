using Polly;
using Polly.Retry;

namespace CctvMask.Video.Ingest;

/// <summary>
/// The reconnect backoff: a Polly retry that never gives up (until cancelled), with exponential
/// delays from <see cref="IngestOptions.BackoffBase"/>, jitter, and a cap at
/// <see cref="IngestOptions.BackoffCap"/>. One execution covers one failure streak.
/// </summary>
public static class ReconnectPipeline
{
    /// <summary>
    /// Builds the pipeline. <paramref name="onRetry"/> gets (attempt, delay, exception) before each wait.
    /// <paramref name="randomizer"/> (0..1) makes jitter deterministic in tests.
    /// </summary>
    public static ResiliencePipeline Create(IngestOptions options, Action<int, TimeSpan, Exception?> onRetry,
        TimeProvider? timeProvider = null, Func<double>? randomizer = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(onRetry);
        var retry = new RetryStrategyOptions
        {
            // Only session failures retry; cancellation (stop) ends the pipeline.
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.BackoffBase,
            MaxDelay = options.BackoffCap,
            OnRetry = args =>
            {
                onRetry(args.AttemptNumber + 1, args.RetryDelay, args.Outcome.Exception);
                return default;
            },
        };
        if (randomizer is not null) retry.Randomizer = randomizer;
        var builder = new ResiliencePipelineBuilder();
        if (timeProvider is not null) builder.TimeProvider = timeProvider;
        return builder.AddRetry(retry).Build();
    }
}
