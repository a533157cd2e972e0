using System.Buffers;

namespace CctvMask.Vision.Imaging;

/// <summary>
/// A BGR24 image that owns a pooled buffer (tightly packed rows). Dispose returns the buffer.
/// </summary>
public sealed class BgrImage : IDisposable
{
    private byte[]? _buffer;

    private BgrImage(byte[] buffer, int width, int height)
    {
        _buffer = buffer;
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Bytes per row (Width·3).</summary>
    public int Stride => Width * 3;

    /// <summary>Length of the pixel data in bytes.</summary>
    public int Length => Stride * Height;

    /// <summary>The pixels, row by row, B,G,R per pixel.</summary>
    public Span<byte> Pixels => Buffer.AsSpan(0, Length);

    /// <summary>The pixels as memory (valid until the image is disposed).</summary>
    public Memory<byte> Memory => Buffer.AsMemory(0, Length);

    private byte[] Buffer => _buffer ?? throw new ObjectDisposedException(nameof(BgrImage));

    /// <summary>Creates a black image of the given size.</summary>
    public static BgrImage Create(int width, int height)
    {
        var image = Rent(width, height);
        image.Pixels.Clear();
        return image;
    }

    /// <summary>Copies a frame into a new image (rows are repacked to Stride = Width·3).</summary>
    public static BgrImage CopyFrom(BgrFrame frame)
    {
        var image = Rent(frame.Width, frame.Height); // every byte is overwritten: no clearing
        var dest = image.Pixels;
        for (int y = 0; y < frame.Height; y++)
            frame.Row(y).CopyTo(dest.Slice(y * image.Stride, image.Stride));
        return image;
    }

    private static BgrImage Rent(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        long length = (long)width * height * 3;
        if (length > Array.MaxLength)
            throw new ArgumentOutOfRangeException(nameof(width), $"Image {width}x{height} is too large.");
        return new BgrImage(ArrayPool<byte>.Shared.Rent((int)length), width, height);
    }

    /// <summary>A frame view of this image (valid until the image is disposed).</summary>
    public BgrFrame AsFrame() => new(Memory, Width, Height, Stride);

    /// <inheritdoc />
    public void Dispose()
    {
        var buffer = Interlocked.Exchange(ref _buffer, null);
        if (buffer is not null)
            ArrayPool<byte>.Shared.Return(buffer);
    }
}
