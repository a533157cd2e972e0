using System.CommandLine;
using CctvMask.Cli.Common;
using CctvMask.Vision.Detection;

namespace CctvMask.Cli.Detect;

/// <summary><c>cctvmask detect &lt;image | folder | video | rtsp://… | /dev/videoN&gt; [--out FILE] [--json]</c>.</summary>
public static class DetectCommand
{
    private const double DefaultFps = 10;
    private const int DefaultTimeoutSeconds = 10;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var input = new Argument<string>("input") { Description = "Image, folder of images, video file, rtsp://… / http://… URL, or /dev/videoN." };
        var output = new Option<string?>("--out", "-o") { Description = "Annotated output: image (.jpg/.png), folder (for a folder input) or video (.mp4, .mkv, …)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object per image / frame (JSON Lines) on stdout." };
        var fps = new Option<double>("--fps") { Description = "Frames per second analysed from a video.", DefaultValueFactory = _ => DefaultFps };
        fps.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<double>() is <= 0 or > 120)
                r.AddError("--fps must be in (0, 120]");
        });
        var maxFrames = new Option<long?>("--max-frames") { Description = "Stop a video after this many frames." };
        var timeout = new Option<int>("--timeout")
        {
            Description = "Seconds to wait for a stream to open or deliver data.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        timeout.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
                r.AddError("--timeout must be positive");
        });
        var settings = new DetectorSettings();

        var command = new Command("detect", "Detect faces and classify masks in an image, a folder of images, a video or a stream.");
        command.Arguments.Add(input);
        command.Options.Add(output);
        command.Options.Add(json);
        command.Options.Add(fps);
        command.Options.Add(maxFrames);
        command.Options.Add(timeout);
        settings.AddTo(command);
        command.SetAction(async (parse, ct) =>
        {
            var request = new DetectRequest(parse.GetValue(input)!, parse.GetValue(output), parse.GetValue(json),
                parse.GetValue(fps), parse.GetValue(maxFrames))
            {
                LoadDetector = () => new TwoPhaseDetector(settings.Build(parse, parse.GetValue(context.Globals.Models)), context.DetectorLogger),
            };
            return InputClassifier.Classify(request.Input) switch
            {
                InputKind.Image => ImageDetection.RunFile(context, request),
                InputKind.ImageFolder => ImageDetection.RunFolder(context, request),
                _ => await VideoDetection.RunAsync(context, request, TimeSpan.FromSeconds(parse.GetValue(timeout)), ct).ConfigureAwait(false),
            };
        });
        return command;
    }
}
