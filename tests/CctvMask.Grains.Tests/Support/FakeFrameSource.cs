using System.Threading.Channels;
using CctvMask.Grains.Cameras;
using CctvMask.Video.Frames;

namespace CctvMask.Grains.Tests.Support;

/// <summary>A frame source the test feeds by hand: one slot, newest frame wins, replaced frames disposed and counted.</summary>
internal sealed class FakeFrameSource : ICameraFrameSource
{
    private readonly Channel<PooledFrame> _slot;
    private long _published;
    private long _dropped;

    public FakeFrameSource(int width = 64, int height = 48)
    {
        Pool = new FrameBufferPool(new FrameSize(width, height));
        _slot = Channel.CreateBounded<PooledFrame>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropOldest },
            f => { f.Dispose(); Interlocked.Increment(ref _dropped); });
    }

    public FrameBufferPool Pool { get; }

    public long Published => Interlocked.Read(ref _published);

    public long Dropped => Interlocked.Read(ref _dropped);

    public ChannelReader<PooledFrame> Frames => _slot.Reader;

    public event Action? FrameArrived;

    public FrameSourceHealth Health => new(CameraState.Running, Published, Dropped, 0, null);

    /// <summary>What the loop asked of the decoder, in order (true = key frames only).</summary>
    public List<bool> DecodeRequests { get; } = [];

    public void DecodeKeyFramesOnly(bool on)
    {
        lock (DecodeRequests) DecodeRequests.Add(on);
    }

    /// <summary>Publishes a frame filled with <paramref name="fill"/> (same fill = no motion).</summary>
    public void Publish(byte fill)
    {
        var frame = Pool.RentFrame(Interlocked.Increment(ref _published), DateTimeOffset.UtcNow);
        frame.Span.Fill(fill);
        if (!_slot.Writer.TryWrite(frame)) frame.Dispose();
        FrameArrived?.Invoke();
    }

    /// <summary>A frame whose left half is <paramref name="left"/> and right half <paramref name="right"/> (a scene with structure).</summary>
    public void Publish(byte left, byte right)
    {
        var frame = Pool.RentFrame(Interlocked.Increment(ref _published), DateTimeOffset.UtcNow);
        int rowBytes = frame.Width * 3, half = frame.Width / 2 * 3;
        var pixels = frame.Span;
        for (int y = 0; y < frame.Height; y++)
        {
            var row = pixels.Slice(y * rowBytes, rowBytes);
            row[..half].Fill(left);
            row[half..].Fill(right);
        }
        if (!_slot.Writer.TryWrite(frame)) frame.Dispose();
        FrameArrived?.Invoke();
    }

    public void End() => _slot.Writer.TryComplete();

    public ValueTask DisposeAsync()
    {
        _slot.Writer.TryComplete();
        while (_slot.Reader.TryRead(out var frame)) frame.Dispose();
        return ValueTask.CompletedTask;
    }
}
