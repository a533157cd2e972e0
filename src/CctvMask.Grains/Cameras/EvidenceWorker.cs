using System.Threading.Channels;
using CctvMask.Grains.Violations;
using Microsoft.Extensions.Options;

namespace CctvMask.Grains.Cameras;

/// <summary>
/// Draws and encodes violation evidence off the inference lanes, one job at a time for the whole silo, so it never takes
/// more than one core from phase 1. Why: when every camera's scene changes at once, many violations are raised on the same
/// round, and the lanes spent ~5 ms of JPEG on each before their next frame (16 cameras, 60 s, A B B A: 1.1 % and 0.6 %
/// of frames dropped with evidence, 0.0 % and 0.0 % without). The queue is bounded
/// (<see cref="ViolationOptions.EvidenceQueueCapacity"/>): when it is full the camera renders the job itself, so
/// evidence can be late under overload but is never lost. Disposing runs what is queued.
/// </summary>
public sealed class EvidenceWorker : IAsyncDisposable
{
    private readonly Channel<Action> _jobs;
    private readonly Task _consumer;

    public EvidenceWorker(IOptions<ViolationOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _jobs = Channel.CreateBounded<Action>(new BoundedChannelOptions(options.Value.EvidenceQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then says "full" instead of dropping a job
        });
        _consumer = Task.Run(ConsumeAsync);
    }

    /// <summary>Queues <paramref name="render"/> (it must not throw); false when the queue is full or closed.</summary>
    public bool TryQueue(Action render) => _jobs.Writer.TryWrite(render);

    private async Task ConsumeAsync()
    {
        await foreach (var render in _jobs.Reader.ReadAllAsync().ConfigureAwait(false))
            render();
    }

    public async ValueTask DisposeAsync()
    {
        _jobs.Writer.TryComplete();
        await _consumer.ConfigureAwait(false);
    }
}
