namespace CctvMask.Vision.Imaging;

/// <summary>
/// A read-only view of a BGR24 frame, exactly what an ffmpeg <c>-pix_fmt bgr24</c> pipe delivers
/// (Stride = Width·3 there). Rows may be padded: Stride ≥ Width·3.
/// </summary>
public readonly struct BgrFrame
{
    /// <summary>Creates a view; throws when the buffer is too small for the given geometry.</summary>
    public BgrFrame(ReadOnlyMemory<byte> data, int width, int height, int stride)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfLessThan(stride, width * 3);
        long needed = (long)stride * (height - 1) + (long)width * 3;
        if (data.Length < needed)
            throw new ArgumentException($"Frame buffer holds {data.Length} bytes; {width}x{height} (stride {stride}) needs {needed}.", nameof(data));
        Data = data;
        Width = width;
        Height = height;
        Stride = stride;
    }

    /// <summary>Creates a view of tightly packed rows (Stride = Width·3).</summary>
    public BgrFrame(ReadOnlyMemory<byte> data, int width, int height)
        : this(data, width, height, width * 3)
    {
    }

    /// <summary>The pixel bytes, row by row, B,G,R per pixel.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Bytes from the start of one row to the start of the next.</summary>
    public int Stride { get; }

    /// <summary>True for a default (empty) value.</summary>
    public bool IsEmpty => Width == 0 || Height == 0;

    /// <summary>The pixel bytes as a span.</summary>
    public ReadOnlySpan<byte> Span => Data.Span;

    /// <summary>One row of Width·3 bytes.</summary>
    public ReadOnlySpan<byte> Row(int y) => Data.Span.Slice(y * Stride, Width * 3);
}
