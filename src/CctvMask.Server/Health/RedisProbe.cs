using CctvMask.Server.Hosting;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace CctvMask.Server.Health;

/// <summary>
/// Fleet mode: one connection to the cluster's Redis (Orleans:RedisConnectionString), opened on the
/// first probe and kept; it reconnects by itself, so a Redis outage shows as failed pings, not as a
/// failed connect that is never retried.
/// </summary>
public sealed class RedisProbe(IOptions<OrleansHostingOptions> options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _connection;

    /// <summary>Round trip of a PING; throws <see cref="RedisException"/> or <see cref="TimeoutException"/> when Redis does not answer.</summary>
    public async Task<TimeSpan> PingAsync(CancellationToken cancellationToken)
    {
        var connection = await ConnectAsync(cancellationToken).ConfigureAwait(false);
        return await connection.GetDatabase().PingAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is { } connection) await connection.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _connection) is { } existing) return existing;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_connection is null)
            {
                var configuration = ConfigurationOptions.Parse(options.Value.RedisConnectionString
                    ?? throw new InvalidOperationException("Orleans:RedisConnectionString is not set."));
                // Return even when Redis is down now and keep retrying in the background.
                configuration.AbortOnConnectFail = false;
                Volatile.Write(ref _connection, await ConnectionMultiplexer.ConnectAsync(configuration).ConfigureAwait(false));
            }
            return _connection!;
        }
        finally
        {
            _gate.Release();
        }
    }
}
