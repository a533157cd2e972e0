using CctvMask.Cli.Common;
using CctvMask.Video.Sources;

namespace CctvMask.Cli.Detect;

/// <summary>Decides whether a detect input is an image, a folder of images or a video/stream.</summary>
public static class InputClassifier
{
    /// <summary>File extensions read as images.</summary>
    public static readonly IReadOnlySet<string> ImageExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".jpg", ".jpeg", ".png", ".bmp", ".webp", ".gif" };

    private static readonly IReadOnlySet<string> VideoExtensions =
        new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".mp4", ".mkv", ".avi", ".mov", ".webm", ".ts", ".m4v", ".flv", ".mpg", ".mpeg", ".wmv", ".3gp", ".mjpeg", ".h264", ".h265" };

    /// <summary>Classifies <paramref name="input"/>; throws <see cref="CliException"/> for a missing file or unsupported URL.</summary>
    public static InputKind Classify(string input)
    {
        if (Directory.Exists(input))
            return InputKind.ImageFolder;
        SourceKind kind;
        try
        {
            kind = CameraSource.Classify(input);
        }
        catch (ArgumentException ex)
        {
            throw new CliException(ex.Message, ex);
        }
        if (kind != SourceKind.File)
            return InputKind.Video;

        var path = CameraSource.LocalPath(input);
        if (!File.Exists(path))
            throw new CliException($"{input}: no such file or directory");
        var ext = Path.GetExtension(path);
        if (ImageExtensions.Contains(ext))
            return InputKind.Image;
        if (VideoExtensions.Contains(ext))
            return InputKind.Video;
        // Unknown extension: an image if its first bytes say so (or it is empty, so the image
        // decoder reports it), otherwise let ffmpeg try it as a video.
        return LooksLikeImage(path) ? InputKind.Image : InputKind.Video;
    }

    /// <summary>Image files of a folder, sorted by name.</summary>
    public static IReadOnlyList<string> ImagesIn(string folder) =>
        [.. Directory.EnumerateFiles(folder).Where(f => ImageExtensions.Contains(Path.GetExtension(f))).Order(StringComparer.Ordinal)];

    private static bool LooksLikeImage(string path)
    {
        Span<byte> head = stackalloc byte[12];
        int n;
        using (var stream = File.OpenRead(path))
            n = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        if (n < 4)
            return true;
        head = head[..n];
        return head is [0xFF, 0xD8, ..]                                   // JPEG
            || head is [0x89, (byte)'P', (byte)'N', (byte)'G', ..]       // PNG
            || head is [(byte)'B', (byte)'M', ..]                        // BMP
            || head is [(byte)'G', (byte)'I', (byte)'F', ..]             // GIF
            || (n >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8));
    }
}
