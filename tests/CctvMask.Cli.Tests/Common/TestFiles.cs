using System.Buffers.Binary;
using CctvMask.Vision.Imaging;

namespace CctvMask.Cli.Tests.Common;

/// <summary>Generates good and bad input files for the CLI tests.</summary>
internal static class TestFiles
{
    /// <summary>A JPEG of a smooth gradient.</summary>
    public static byte[] Jpeg(int width = 320, int height = 240)
    {
        using var image = BgrImage.Create(width, height);
        var px = image.Pixels;
        for (int y = 0; y < height; y++)
            for (int x = 0; x < width; x++)
            {
                int i = (y * width + x) * 3;
                px[i] = (byte)(x * 255 / width);
                px[i + 1] = (byte)(y * 255 / height);
                px[i + 2] = 128;
            }
        return ImageCodec.EncodeJpeg(image.AsFrame(), 90);
    }

    /// <summary>
    /// A PNG whose header claims <paramref name="width"/>×<paramref name="height"/> (8-bit RGB) followed
    /// by a tiny IDAT and IEND: enough for a decoder to read the size.
    /// </summary>
    public static byte[] PngHeaderOnly(int width, int height, byte colorType = 2)
    {
        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8;
        ihdr[9] = colorType;
        Chunk(ms, "IHDR", ihdr);
        // zlib stream of 100 zero bytes: decoders want to see an IDAT before they report the size.
        Chunk(ms, "IDAT", Convert.FromHexString("789c6360a03d000000640001"));
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>A real 16-bit greyscale PNG (an unusual format a camera export might produce).</summary>
    public static byte[] Gray16Png(int width = 64, int height = 48)
    {
        var raw = new byte[height * (1 + width * 2)];
        for (int y = 0; y < height; y++)
        {
            int row = y * (1 + width * 2);
            raw[row] = 0; // filter: none
            for (int x = 0; x < width; x++)
                BinaryPrimitives.WriteUInt16BigEndian(raw.AsSpan(row + 1 + x * 2), (ushort)(x * 65535 / width));
        }
        using var compressed = new MemoryStream();
        using (var z = new System.IO.Compression.ZLibStream(compressed, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
            z.Write(raw);
        using var ms = new MemoryStream();
        ms.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 16; // bit depth
        ihdr[9] = 0;  // greyscale
        Chunk(ms, "IHDR", ihdr);
        Chunk(ms, "IDAT", compressed.ToArray());
        Chunk(ms, "IEND", []);
        return ms.ToArray();
    }

    /// <summary>A little-endian TIFF header (a format the decoder does not read).</summary>
    public static byte[] TiffHeader() => [(byte)'I', (byte)'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> len = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(len, data.Length);
        stream.Write(len);
        var typed = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typed);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        stream.Write(crc);
    }

    // PNG's CRC-32 (polynomial 0xEDB88320), bitwise: a few bytes per test, speed is irrelevant.
    private static uint Crc32(byte[] data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
        }
        return ~crc;
    }
}
