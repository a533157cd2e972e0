using CctvMask.Cli.Common;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using Spectre.Console;

namespace CctvMask.Cli.Detect;

/// <summary><c>cctvmask detect</c> on an image or a folder of images.</summary>
public static class ImageDetection
{
    private const int JpegQuality = 92;

    /// <summary>Runs on one image; errors propagate (one error line).</summary>
    public static int RunFile(CliContext context, DetectRequest request)
    {
        if (request.Output is not null)
            CheckImageOutput(request.Output);
        using var detector = new DetectorHolder(request.LoadDetector);
        var faces = Process(context, request.Input, request.Output, request.Json, detector);
        if (!request.Json)
            WriteFaceTable(context, faces);
        return ExitCodes.Ok;
    }

    /// <summary>Runs on every image of a folder; a bad image is reported and skipped (exit 1 at the end).</summary>
    public static int RunFolder(CliContext context, DetectRequest request)
    {
        var files = InputClassifier.ImagesIn(request.Input);
        if (files.Count == 0)
            throw new CliException($"{request.Input}: no images (jpg, png, bmp, webp, gif) in the folder");
        if (request.Output is not null)
            Directory.CreateDirectory(request.Output);
        using var detector = new DetectorHolder(request.LoadDetector);
        int failed = 0;
        foreach (var file in files)
        {
            var output = request.Output is null ? null : Path.Combine(request.Output, Path.GetFileNameWithoutExtension(file) + ".jpg");
            try
            {
                Process(context, file, output, request.Json, detector);
            }
            catch (ImageDecodeException ex)
            {
                context.Err.WriteLine(ErrorReport.Prefix + ex.Message);
                failed++;
            }
        }
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Error;
    }

    private static DetectedFace[] Process(CliContext context, string path, string? output, bool json, DetectorHolder detector)
    {
        using var image = ImageCodec.DecodeFile(path);
        var faces = detector.Detector.DetectOne(image.AsFrame()).ToArray();
        if (output is not null)
        {
            FrameAnnotator.Draw(image, faces);
            if (string.Equals(Path.GetExtension(output), ".png", StringComparison.OrdinalIgnoreCase))
                ImageCodec.SavePng(image.AsFrame(), output);
            else
                ImageCodec.SaveJpeg(image.AsFrame(), output, JpegQuality);
        }
        if (json)
            context.Out.WriteLine(DetectionJson.Create(path, null, null, image.Width, image.Height, faces).ToJsonLine());
        else
            context.Out.WriteLine(Summary(path, faces) + (output is null ? "" : $" → {output}"));
        return faces;
    }

    private static void CheckImageOutput(string output)
    {
        var ext = Path.GetExtension(output).ToLowerInvariant();
        if (ext is not (".jpg" or ".jpeg" or ".png"))
            throw new CliException($"{output}: annotated image output must be .jpg, .jpeg or .png");
    }

    /// <summary>"path: 3 faces (2 with_mask, 1 without_mask, 0 unknown)", plus ", N mask_incorrect" when there are any.</summary>
    public static string Summary(string source, ReadOnlySpan<DetectedFace> faces)
    {
        int with = 0, without = 0, unknown = 0, incorrect = 0;
        foreach (var f in faces)
        {
            switch (f.Label)
            {
                case FaceLabel.WithMask: with++; break;
                case FaceLabel.WithoutMask: without++; break;
                case FaceLabel.Incorrect: incorrect++; break;
                default: unknown++; break;
            }
        }
        // The incorrect count only when present: two-class output stays as it was.
        var extra = incorrect > 0 ? $", {incorrect} mask_incorrect" : "";
        return $"{source}: {faces.Length} faces ({with} with_mask, {without} without_mask, {unknown} unknown{extra})";
    }

    private static void WriteFaceTable(CliContext context, DetectedFace[] faces)
    {
        if (faces.Length == 0)
            return;
        var table = new Table();
        table.AddColumns("#", "box (x, y, w, h)", "score", "label", "p(with_mask)");
        for (int i = 0; i < faces.Length; i++)
        {
            var f = faces[i];
            table.AddRow(
                (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"{f.Box.X:0}, {f.Box.Y:0}, {f.Box.Width:0}, {f.Box.Height:0}",
                $"{f.Score:0.000}",
                f.Label.ToName(),
                float.IsFinite(f.MaskProbability) ? $"{f.MaskProbability:0.000}" : "-");
        }
        context.Console.Write(table);
    }

    /// <summary>Loads the detector on first use.</summary>
    private sealed class DetectorHolder(Func<TwoPhaseDetector> load) : IDisposable
    {
        private TwoPhaseDetector? _detector;

        public TwoPhaseDetector Detector => _detector ??= load();

        public void Dispose() => _detector?.Dispose();
    }
}
