using System.ComponentModel.DataAnnotations;
using CctvMask.Video.Sources;

namespace CctvMask.Video.Ingest;

/// <summary>
/// Settings of camera ingest (ffmpeg process, watchdog, reconnect backoff, frame hand-off).
/// Bind from configuration section <see cref="SectionName"/>; validated by <see cref="IngestOptionsValidator"/>.
/// </summary>
public sealed class IngestOptions : IValidatableObject
{
    public const string SectionName = "Ingest";

    /// <summary>ffmpeg executable (name on PATH or full path).</summary>
    [Required, MinLength(1)]
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>ffprobe executable, used to learn the native size when the analysis size is not exact.</summary>
    [Required, MinLength(1)]
    public string FfprobePath { get; set; } = "ffprobe";

    /// <summary>RTSP lower transport.</summary>
    public RtspTransport RtspTransport { get; set; } = RtspTransport.Tcp;

    /// <summary>Socket read/connect timeout handed to ffmpeg, so a dead URL fails in bounded time.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:05:00")]
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How much of a network stream ffmpeg/ffprobe analyse before starting (<c>-analyzeduration</c>).
    /// ffmpeg's default (5 s for RTSP) delays every (re)connect; the frame rate is set by our fps filter
    /// and the size by ffprobe, so little analysis is needed.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:00:30")]
    public TimeSpan AnalyzeDuration { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest time ffprobe may take to report the stream size.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>No frame for this long while streaming → the watchdog kills and restarts ffmpeg.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "01:00:00")]
    public TimeSpan StallTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// No frame for this long while streaming → the status says stalled at once (the restart still waits for
    /// <see cref="StallTimeout"/>). At or above StallTimeout there is no early "stalled", only the restart.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "01:00:00")]
    public TimeSpan LateAfter { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>…or this many expected frame intervals (1 / detect fps), whichever is longer, so a 1-fps camera is not flagged between frames.</summary>
    [Range(1, 1000)]
    public int LateFrameIntervals { get; set; } = 3;

    /// <summary>Longest wait for the first frame after ffmpeg starts (connect + first keyframe).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan FirstFrameTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the watchdog looks at a running session.</summary>
    [Range(typeof(TimeSpan), "00:00:00.05", "00:01:00")]
    public TimeSpan WatchdogInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Expected gap between key frames while a still scene is decoded key frames only (the stream's GOP; 1 s is
    /// typical). The watchdog expects frames at least this far apart in that mode; after
    /// <see cref="LateFrameIntervals"/> × this without one, key-frame-only decoding is refused for the camera.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan KeyFrameInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Median delay before the first reconnect of a failure streak (exponential, jittered).</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "00:10:00")]
    public TimeSpan BackoffBase { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Cap of the reconnect delay.</summary>
    [Range(typeof(TimeSpan), "00:00:00.01", "01:00:00")]
    public TimeSpan BackoffCap { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Immediate restarts (after a session that streamed, so not spaced by backoff) allowed within
    /// <see cref="RestartBudgetWindow"/> before the longer <see cref="BudgetCooldown"/>.
    /// </summary>
    [Range(1, 1000)]
    public int RestartBudget { get; set; } = 5;

    /// <summary>Window of the restart budget.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RestartBudgetWindow { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Extra wait when the restart budget is exhausted (a flapping camera must not spin ffmpeg).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan BudgetCooldown { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest wait for ffmpeg to exit after it was killed.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:01:00")]
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Last ffmpeg stderr lines kept and logged when the process dies.</summary>
    [Range(1, 1000)]
    public int StderrTailLines { get; set; } = 50;

    /// <summary>At most this many ffmpeg stderr lines per minute are logged live (the rest only counted).</summary>
    [Range(0, 10000)]
    public int StderrLinesPerMinute { get; set; } = 10;

    /// <summary>Window over which the frame rate is measured.</summary>
    [Range(typeof(TimeSpan), "00:00:00.5", "00:05:00")]
    public TimeSpan FpsWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Resize algorithm of ffmpeg's scale filter.</summary>
    public ScaleAlgorithm ScaleAlgorithm { get; set; } = ScaleAlgorithm.Area;

    /// <summary>ffmpeg <c>-hwaccel</c> value (e.g. <c>cuda</c>, <c>vaapi</c>); null decodes on the CPU.</summary>
    [RegularExpression("^[a-z0-9_]{1,32}$")]
    public string? HardwareAcceleration { get; set; }

    /// <summary>ffmpeg decoder threads per camera; 0 lets ffmpeg choose (one per core, too many for a fleet).</summary>
    [Range(0, 64)]
    public int DecoderThreads { get; set; } = 2;

    /// <summary>Rules spanning fields (DataAnnotations cover single values).</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BackoffCap < BackoffBase)
            yield return new ValidationResult($"BackoffCap ({BackoffCap}) must be >= BackoffBase ({BackoffBase}).", [nameof(BackoffCap)]);
        if (WatchdogInterval >= StallTimeout)
            yield return new ValidationResult($"WatchdogInterval ({WatchdogInterval}) must be shorter than StallTimeout ({StallTimeout}).", [nameof(WatchdogInterval)]);
        // A key-frame-only session would otherwise be restarted as stalled between two key frames.
        if (KeyFrameInterval >= StallTimeout)
            yield return new ValidationResult($"KeyFrameInterval ({KeyFrameInterval}) must be shorter than StallTimeout ({StallTimeout}).", [nameof(KeyFrameInterval)]);
        if (!Enum.IsDefined(RtspTransport))
            yield return new ValidationResult($"RtspTransport {(int)RtspTransport} is not defined.", [nameof(RtspTransport)]);
        if (!Enum.IsDefined(ScaleAlgorithm))
            yield return new ValidationResult($"ScaleAlgorithm {(int)ScaleAlgorithm} is not defined.", [nameof(ScaleAlgorithm)]);
    }
}
