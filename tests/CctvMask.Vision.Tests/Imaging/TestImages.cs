using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace CctvMask.Vision.Tests.Imaging;

/// <summary>Hand-written encoders for fixtures SkiaSharp cannot produce (16-bit PNG, BMP, bogus headers).</summary>
internal static class TestImages
{
    /// <summary>A PNG with the given colour type (0 grey, 2 RGB, 6 RGBA) and bit depth; samples row-major.</summary>
    public static byte[] Png(int width, int height, int colorType, int bitDepth, Func<int, int, int, int> sample)
    {
        int channels = colorType switch { 0 => 1, 2 => 3, 4 => 2, 6 => 4, _ => throw new ArgumentOutOfRangeException(nameof(colorType)) };
        int bytesPerSample = bitDepth / 8;
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0); // filter: none
            for (int x = 0; x < width; x++)
            {
                for (int c = 0; c < channels; c++)
                {
                    int v = sample(x, y, c);
                    if (bytesPerSample == 2) { raw.WriteByte((byte)(v >> 8)); raw.WriteByte((byte)v); }
                    else raw.WriteByte((byte)v);
                }
            }
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(raw.ToArray());
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", Ihdr(width, height, bitDepth, colorType));
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>An 8-bit palette PNG (colour type 3); <paramref name="index"/> gives each pixel's palette entry.</summary>
    public static byte[] PalettePng(int width, int height, (byte R, byte G, byte B)[] palette, Func<int, int, int> index)
    {
        var raw = new MemoryStream();
        for (int y = 0; y < height; y++)
        {
            raw.WriteByte(0);
            for (int x = 0; x < width; x++)
                raw.WriteByte((byte)index(x, y));
        }
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(raw.ToArray());
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", Ihdr(width, height, 8, 3));
        WriteChunk(png, "PLTE", palette.SelectMany(c => new[] { c.R, c.G, c.B }).ToArray());
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A PNG whose IHDR claims the given size but whose IDAT holds a single row of pixel data.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var compressed = new MemoryStream();
        using (var z = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
            z.Write(new byte[1 + width * 3]);
        var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        WriteChunk(png, "IHDR", Ihdr(width, height, 8, 2));
        WriteChunk(png, "IDAT", compressed.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    /// <summary>A 24-bit bottom-up BMP.</summary>
    public static byte[] Bmp24(int width, int height, Func<int, int, (byte B, byte G, byte R)> pixel)
    {
        int rowBytes = (width * 3 + 3) & ~3;
        int size = 54 + rowBytes * height;
        var bmp = new byte[size];
        bmp[0] = (byte)'B'; bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), size);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(14), 40);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(26), 1);
        BinaryPrimitives.WriteInt16LittleEndian(bmp.AsSpan(28), 24);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(34), rowBytes * height);
        for (int y = 0; y < height; y++)
        {
            int row = 54 + (height - 1 - y) * rowBytes;
            for (int x = 0; x < width; x++)
            {
                var (b, g, r) = pixel(x, y);
                bmp[row + x * 3] = b; bmp[row + x * 3 + 1] = g; bmp[row + x * 3 + 2] = r;
            }
        }
        return bmp;
    }

    private static byte[] Ihdr(int width, int height, int bitDepth, int colorType)
    {
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = (byte)bitDepth;
        ihdr[9] = (byte)colorType;
        return ihdr;
    }

    private static void WriteChunk(Stream s, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        s.Write(len);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        s.Write(typeBytes);
        s.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(len, Crc32([.. typeBytes, .. data]));
        s.Write(len);
    }

    private static uint Crc32(byte[] bytes)
    {
        uint crc = 0xFFFFFFFF;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }
        return ~crc;
    }
}
