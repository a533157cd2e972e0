using SkiaSharp;

namespace CctvMask.Training.Synthesis;

/// <summary>A decoded mask template: premultiplied RGBA bytes (alpha kept, unlike the BGR codec).</summary>
internal sealed class TemplateImage
{
    private TemplateImage(int width, int height, byte[] rgba)
    {
        Width = width;
        Height = height;
        Rgba = rgba;
    }

    public int Width { get; }
    public int Height { get; }
    public byte[] Rgba { get; }

    public static TemplateImage Load(string path)
    {
        using var codec = SKCodec.Create(path) ?? throw new InvalidDataException($"Cannot decode mask template {path}.");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
            throw new InvalidDataException($"Cannot decode mask template {path}: {result}.");
        return new TemplateImage(info.Width, info.Height, bitmap.GetPixelSpan().ToArray());
    }
}
