using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Inference;

/// <summary>The per-silo inference loop and its motion gate (config section <c>Cctv:Inference</c>).</summary>
public sealed class InferenceLoopOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cctv:Inference";

    /// <summary>Folder of the model files (empty = <c>CCTVMASK_MODELS</c>, else <c>./models</c>); explicit paths under <c>Vision:Detector</c> win.</summary>
    public string? ModelsDir { get; set; }

    /// <summary>
    /// Inference loops ("lanes") per silo, each with its own thread, model sessions and share of the cameras;
    /// 0 = one per processor. On a GPU use 1 (one CUDA session per phase, batches as large as possible).
    /// </summary>
    [Range(0, 64)]
    public int Lanes { get; set; }

    /// <summary>Frames (one per camera) taken into one round at most; must not exceed the detector's frames per call.</summary>
    /// <remarks>
    /// 1 on a CPU, by measurement on 2 cores (24 cameras, two lanes, idle box, paired A B B A): rounds of up to 4
    /// analysed 66.2 and 68.4 frames/s against 75.3 and 72.9 for rounds of 1 (0.91×, 0.94×), with twice the latency;
    /// the lanes, not the rounds, fill the cores there. A GPU wants large rounds (16–32) and one lane.
    /// </remarks>
    [Range(1, 1024)]
    public int MaxBatchSize { get; set; } = 1;

    /// <summary>
    /// Frames per phase-1 call inside a round (0 = the whole round in one call). After each call its frames are
    /// tracked and the faces their trackers ask for are cropped at once, while those frames are still in cache;
    /// phase 2 still runs once over the whole round's crops, across cameras.
    /// </summary>
    /// <remarks>
    /// 1 on a CPU: a batch of 640×360 frames is ~3 MB of input tensor per frame plus activations, so a 4-frame call
    /// per lane overflows the caches that a 1-frame call fits; crops taken right after detection read a frame that
    /// is still cached. A GPU wants 0 (one call per round, see the README's GPU section).
    /// </remarks>
    [Range(0, 1024)]
    public int PhaseOneFramesPerCall { get; set; } = 1;

    /// <summary>Face crops classified in one round at most; requests beyond wait for the track's next frame.</summary>
    [Range(1, 4096)]
    public int MaxCropsPerRound { get; set; } = 256;

    /// <summary>
    /// Face crops one camera frame may send to phase 2 at most; tracks never judged go first, the other requests ask
    /// again on a later frame, and a never-judged track is served by the next frame even when the motion gate skips
    /// it (nothing moved, so its box still holds). Spreads a burst (a crowd walking in) over a few frames.
    /// </summary>
    /// <remarks>
    /// At ~0.5 ms a crop on this CPU a frame capped at 12 costs phase 1 plus about as much again. Before any cap, 16 crowd
    /// cameras whose scene changed together sent 560–900 crops a second to phase 2 for two seconds and dropped 58–99
    /// frames a second (server-bench, 2026-12-04, old tracker defaults). 8 left 34 people on each crowd clip without a
    /// verdict (83 new people at once, 2 s photos; <c>eval --video</c>, no motion gate), 12 left 18 / 17 (per-frame: 17 / 15).
    /// 24 since tracks are judged from their first frame (<c>TrackerOptions.JudgeTentativeTracks</c>): a crowd that appears
    /// at once (a camera starting, a scene cut) is judged on its first frames, the views per-frame classification judges;
    /// with 12, crowd720's first photo (83 people) took 7 frames and one masked person whose only decided view was the first
    /// frame stayed undecided; with 16 per-frame classification itself loses that person (<c>eval --video</c>, 2026-12-05).
    /// The crops per person do not change (crowd clips 2.40 / 2.44 a frame), only how soon they are taken.
    /// </remarks>
    [Range(1, 4096)]
    public int MaxCropsPerFrame { get; set; } = 24;

    /// <summary>Width of the grey thumbnail the motion gate compares (pixels).</summary>
    [Range(8, 256)]
    public int MotionThumbnailWidth { get; set; } = 64;

    /// <summary>Height of the grey thumbnail the motion gate compares (pixels).</summary>
    [Range(8, 256)]
    public int MotionThumbnailHeight { get; set; } = 36;

    /// <summary>A thumbnail pixel changed when its grey level moved by more than this (0–255).</summary>
    [Range(1, 255)]
    public int MotionPixelThreshold { get; set; } = 10;

    /// <summary>Motion = more than this fraction of thumbnail pixels changed since the last analysed frame.</summary>
    [Range(0.0, 1.0)]
    public double MotionAreaThreshold { get; set; } = 0.002;

    /// <summary>
    /// A scene cut (<see cref="MotionGate.IsSceneCut"/>): the mean absolute grey difference (0–255) of the motion thumbnails
    /// of two analysed frames, a change of overall brightness taken off (<see cref="MotionGate.SceneDifference"/>), at or
    /// above which every track of the camera ends before the new frame is tracked. Default 40, between the hand-held street
    /// clip's busiest frames (≤ 29.2) and the crowd clips' photo changes (≥ 44.5); 0 = off.
    /// Measured with <c>cctvmask eval --video</c> (2026-12-04): with it the crowd clips' people judged right rose from
    /// 116 / 113 to 154 / 149 (tracks no longer carried one photo's person onto the next photo's).
    /// </summary>
    [Range(0.0, 255.0)]
    public double SceneCutMeanDifference { get; set; } = 40;

    /// <summary>Longest a gated camera goes without phase 1 (s), so a person standing still is re-detected.</summary>
    [Range(0.0, 3600.0)]
    public double MotionMaxSkipSeconds { get; set; } = 2;

    /// <summary>
    /// A gated network camera whose scene has not moved for this long (s) has its ingest decode key frames only (one
    /// per GOP instead of every frame: most of a still camera's cost); the first key frame that moves switches back to
    /// every frame (an ffmpeg restart: about a GOP plus a reconnect; see the README's benchmark). 0 = always decode every frame.
    /// </summary>
    [Range(0, 3600)]
    public int MotionKeyFramesAfterSeconds { get; set; } = 10;
}
