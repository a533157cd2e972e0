using System.Buffers;
using System.Runtime.InteropServices;
using SkiaSharp;

namespace CctvMask.Vision.Imaging;

/// <summary>
/// Decodes JPEG, PNG (8/16-bit, RGBA, grey, palette), BMP, WebP and GIF into BGR24 and encodes
/// BGR24 as JPEG/PNG. Alpha is dropped (not composited); EXIF orientation is applied.
/// </summary>
public static class ImageCodec
{
    /// <summary>Largest accepted image (pixels); checked from the header before decoding.</summary>
    public const long MaxPixels = 50_000_000;

    private const string MemorySource = "image data";

    /// <summary>Decodes an encoded image held in memory.</summary>
    /// <exception cref="ImageDecodeException">Empty, truncated, not an image, too large.</exception>
    public static BgrImage Decode(ReadOnlySpan<byte> encoded) => Decode(encoded, MemorySource);

    /// <summary>Decodes an image file.</summary>
    /// <exception cref="ImageDecodeException">Missing, empty, truncated, not an image, too large.</exception>
    public static BgrImage DecodeFile(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImageDecodeException($"{path}: cannot read the file ({ex.Message})", ex);
        }
        return Decode(bytes, path);
    }

    /// <summary>Encodes a frame as JPEG (quality 1..100).</summary>
    public static byte[] EncodeJpeg(BgrFrame frame, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return Encode(frame, SKEncodedImageFormat.Jpeg, quality);
    }

    /// <summary>Encodes a frame as PNG.</summary>
    public static byte[] EncodePng(BgrFrame frame) => Encode(frame, SKEncodedImageFormat.Png, 100);

    /// <summary>Writes a frame to a JPEG file.</summary>
    public static void SaveJpeg(BgrFrame frame, string path, int quality = 90) =>
        File.WriteAllBytes(path, EncodeJpeg(frame, quality));

    /// <summary>Writes a frame to a PNG file.</summary>
    public static void SavePng(BgrFrame frame, string path) => File.WriteAllBytes(path, EncodePng(frame));

    /// <summary>Reads width and height from the header only (no pixel decoding).</summary>
    /// <exception cref="ImageDecodeException">Empty, not an image.</exception>
    public static (int Width, int Height) ReadSize(ReadOnlySpan<byte> encoded)
    {
        using var data = Copy(encoded, MemorySource);
        using var codec = OpenCodec(data, MemorySource);
        return (codec.Info.Width, codec.Info.Height);
    }

    internal static BgrImage Decode(ReadOnlySpan<byte> encoded, string source)
    {
        using var data = Copy(encoded, source);
        using var codec = OpenCodec(data, source);
        var header = codec.Info;
        long pixels = (long)header.Width * header.Height;
        if (header.Width <= 0 || header.Height <= 0)
            throw new ImageDecodeException($"{source}: not an image (header gives size {header.Width}x{header.Height})");
        if (pixels > MaxPixels)
            throw new ImageDecodeException(
                $"{source}: image too large ({header.Width}x{header.Height} = {pixels / 1e6:0.#} MP; limit {MaxPixels / 1_000_000} MP)");

        // Unpremultiplied BGRA keeps colour values of transparent pixels intact: alpha is dropped, not composited.
        var info = new SKImageInfo(header.Width, header.Height, SKColorType.Bgra8888, SKAlphaType.Unpremul);
        int bgraLength = checked(header.Width * header.Height * 4);
        var bgra = ArrayPool<byte>.Shared.Rent(bgraLength);
        try
        {
            SKCodecResult result;
            unsafe
            {
                fixed (byte* p = bgra)
                    result = codec.GetPixels(info, (IntPtr)p);
            }
            if (result == SKCodecResult.IncompleteInput)
                throw new ImageDecodeException($"{source}: truncated image data ({header.Width}x{header.Height}, {encoded.Length} bytes)");
            if (result != SKCodecResult.Success)
                throw new ImageDecodeException($"{source}: corrupt image data ({result})");
            return ImageOrientation.ToBgr(bgra.AsSpan(0, bgraLength), header.Width, header.Height, codec.EncodedOrigin);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bgra);
        }
    }

    private static SKData Copy(ReadOnlySpan<byte> encoded, string source)
    {
        if (encoded.IsEmpty)
            throw new ImageDecodeException($"{source}: empty file (0 bytes)");
        return SKData.CreateCopy(encoded);
    }

    private static SKCodec OpenCodec(SKData data, string source)
    {
        var codec = SKCodec.Create(new SKMemoryStream(data), out var result);
        if (codec is not null)
            return codec;
        throw result switch
        {
            SKCodecResult.IncompleteInput => new ImageDecodeException($"{source}: truncated image header ({data.Size} bytes)"),
            _ => new ImageDecodeException($"{source}: not an image or unsupported format ({data.Size} bytes)"),
        };
    }

    private static byte[] Encode(BgrFrame frame, SKEncodedImageFormat format, int quality)
    {
        if (frame.IsEmpty)
            throw new ArgumentException("Cannot encode an empty frame.", nameof(frame));
        int rowBytes = frame.Width * 4, length = rowBytes * frame.Height;
        var bgra = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var dest = bgra.AsSpan(0, length);
            for (int y = 0; y < frame.Height; y++)
                PixelConversion.BgrToBgra(frame.Row(y), dest.Slice(y * rowBytes, rowBytes));
            return EncodeBgra(bgra, frame.Width, frame.Height, format, quality);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bgra);
        }
    }

    /// <summary>Encodes opaque BGRA pixels (tightly packed rows) as JPEG: for images already in Skia's layout.</summary>
    internal static byte[] EncodeBgraJpeg(byte[] bgra, int width, int height, int quality)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        return EncodeBgra(bgra, width, height, SKEncodedImageFormat.Jpeg, quality);
    }

    private static byte[] EncodeBgra(byte[] bgra, int width, int height, SKEncodedImageFormat format, int quality)
    {
        var info = new SKImageInfo(width, height, SKColorType.Bgra8888, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(bgra, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), width * 4);
            using var encoded = pixmap.Encode(format, quality)
                ?? throw new InvalidOperationException($"SkiaSharp could not encode {format}.");
            return encoded.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
