using System.CommandLine;
using CctvMask.Video.Sources;

namespace CctvMask.Cli.Clips;

/// <summary>
/// How a clip is sampled for the production path (<c>eval --video</c> track figures, <c>bench --video</c>):
/// the frames a camera with the server's defaults analyses — ffmpeg's fps filter at the detect rate, scaled
/// to the analysis size.
/// </summary>
public sealed class ClipSampling
{
    /// <summary>The server's default detect rate (Server <c>Cameras:DefaultDetectFps</c>): 5 of a 10 fps clip's frames.</summary>
    public const double DefaultDetectFps = 5;

    /// <summary>The server's default analysis size (Server <c>Cameras:DefaultAnalysisWidth/Height</c>).</summary>
    public const string DefaultAnalysisSize = "640x360";

    /// <summary>
    /// Highest detect rate: the per-frame mode judges every face by re-checking each track at half the frame
    /// interval, and a clock step must stay well above a tick.
    /// </summary>
    public const double MaxDetectFps = 30;

    /// <summary>Frames per second analysed.</summary>
    public Option<double> DetectFps { get; } = new("--detect-fps")
    {
        Description = $"Frames per second of the clip analysed by the production path (default {DefaultDetectFps}, the server's default).",
        DefaultValueFactory = _ => DefaultDetectFps,
    };

    /// <summary>Analysis size.</summary>
    public Option<string> AnalysisSize { get; } = new("--analysis-size")
    {
        Description = $"Size frames are scaled to for the production path: native | WIDTH | WIDTHxHEIGHT (default {DefaultAnalysisSize}, the server's default).",
        DefaultValueFactory = _ => DefaultAnalysisSize,
    };

    /// <summary>Adds the options (with their checks) to a command.</summary>
    public void AddTo(Command command)
    {
        DetectFps.Validators.Add(r =>
        {
            double fps = r.GetValueOrDefault<double>();
            if (!(fps > 0 && fps <= MaxDetectFps))
                r.AddError($"--detect-fps must be in (0, {MaxDetectFps}]");
        });
        AnalysisSize.Validators.Add(r =>
        {
            try
            {
                Video.Sources.AnalysisSize.Parse(r.GetValueOrDefault<string>() ?? "");
            }
            catch (FormatException ex)
            {
                r.AddError(ex.Message);
            }
        });
        command.Options.Add(DetectFps);
        command.Options.Add(AnalysisSize);
    }

    /// <summary>The detect rate given.</summary>
    public double Fps(ParseResult parse) => parse.GetValue(DetectFps);

    /// <summary>The analysis size given (already validated).</summary>
    public AnalysisSize Size(ParseResult parse) => Video.Sources.AnalysisSize.Parse(parse.GetValue(AnalysisSize)!);
}
