using CctvMask.Vision.Imaging;

namespace CctvMask.Video.Frames;

/// <summary>
/// One packed BGR24 frame (Stride = Width*3) in a pooled buffer. The consumer owns it and MUST
/// dispose it (returns the buffer to the pool); <see cref="Dispose"/> is idempotent, and touching
/// the pixels after disposal throws <see cref="ObjectDisposedException"/>.
/// </summary>
public sealed class PooledFrame : IDisposable
{
    private readonly FrameBufferPool _pool;
    private byte[]? _buffer;

    internal PooledFrame(FrameBufferPool pool, byte[] buffer, long sequence, DateTimeOffset receivedAt)
    {
        _pool = pool;
        _buffer = buffer;
        Size = pool.Size;
        Sequence = sequence;
        ReceivedAt = receivedAt;
    }

    public FrameSize Size { get; }

    public int Width => Size.Width;

    public int Height => Size.Height;

    /// <summary>Bytes per row (Width*3: rows are packed).</summary>
    public int Stride => Size.Stride;

    /// <summary>Frame number from the start of the source (continues across reconnects in ingest).</summary>
    public long Sequence { get; internal set; }

    /// <summary>Wall-clock time the frame was read from ffmpeg.</summary>
    public DateTimeOffset ReceivedAt { get; internal set; }

    public bool IsDisposed => Volatile.Read(ref _buffer) is null;

    /// <summary>The pixels (exactly <see cref="FrameSize.FrameBytes"/> bytes), writable (e.g. for annotation).</summary>
    public Memory<byte> Data => Buffer().AsMemory(0, Size.FrameBytes);

    public Span<byte> Span => Buffer().AsSpan(0, Size.FrameBytes);

    /// <summary>
    /// A Vision view of the pixels (no copy) for the detector. Valid only until this frame is
    /// disposed: don't keep it beyond the frame's lifetime.
    /// </summary>
    public BgrFrame AsBgrFrame() => new(Data, Width, Height, Stride);

    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null) _pool.Return(buffer);
    }

    private byte[] Buffer() => Volatile.Read(ref _buffer) ?? throw new ObjectDisposedException(nameof(PooledFrame));
}
