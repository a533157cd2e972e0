using System.Buffers;

namespace CctvMask.Video.Frames;

/// <summary>
/// Rents frame buffers of one size from an <see cref="ArrayPool{T}"/> and counts how many are out,
/// so leaks and unbounded buffering are visible (<see cref="Outstanding"/>, reported in status).
/// Thread-safe.
/// </summary>
public sealed class FrameBufferPool
{
    private readonly ArrayPool<byte> _pool;
    private int _outstanding;

    public FrameBufferPool(FrameSize size, ArrayPool<byte>? pool = null)
    {
        if (size.Width <= 0 || size.Height <= 0)
            throw new ArgumentOutOfRangeException(nameof(size), size, "Frame size must be positive.");
        Size = size;
        _pool = pool ?? ArrayPool<byte>.Shared;
    }

    public FrameSize Size { get; }

    /// <summary>Buffers rented and not yet returned (frames alive anywhere: channel, consumer, reader).</summary>
    public int Outstanding => Volatile.Read(ref _outstanding);

    /// <summary>A buffer of at least <see cref="FrameSize.FrameBytes"/> bytes; pair with <see cref="Return"/>.</summary>
    public byte[] Rent()
    {
        var buffer = _pool.Rent(Size.FrameBytes);
        Interlocked.Increment(ref _outstanding);
        return buffer;
    }

    /// <summary>A frame over a rented buffer (contents undefined); disposing it returns the buffer.</summary>
    public PooledFrame RentFrame(long sequence, DateTimeOffset receivedAt) => new(this, Rent(), sequence, receivedAt);

    public void Return(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        Interlocked.Decrement(ref _outstanding);
        _pool.Return(buffer);
    }
}
