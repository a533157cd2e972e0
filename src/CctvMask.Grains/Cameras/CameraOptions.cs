using System.ComponentModel.DataAnnotations;

namespace CctvMask.Grains.Cameras;

/// <summary>Camera grain and worker settings (config section <c>Cctv:Cameras</c>).</summary>
public sealed class CameraOptions
{
    /// <summary>Configuration section name.</summary>
    public const string SectionName = "Cctv:Cameras";

    /// <summary>How often the grain refreshes its status snapshot from the worker (ms); also its keep-alive tick.</summary>
    [Range(100, 60_000)]
    public int StatusIntervalMilliseconds { get; set; } = 1000;

    /// <summary>How often the worker encodes an annotated JPEG for the live view while someone watches (ms).</summary>
    [Range(100, 60_000)]
    public int LiveFrameIntervalMilliseconds { get; set; } = 1000;

    /// <summary>
    /// How long one live-view request keeps the camera encoding live frames (s): the viewer lease. Nobody watching,
    /// no JPEG is made. Keep it above the dashboard's refresh period (<c>Dashboard:LiveViewRefreshMilliseconds</c>, 1 s).
    /// </summary>
    [Range(1, 3600)]
    public int LiveViewLeaseSeconds { get; set; } = 15;

    /// <summary>Longest a live-view request that finds no fresh frame (the first after idle) waits for the next one (ms).</summary>
    [Range(0, 10_000)]
    public int LiveViewWaitMilliseconds { get; set; } = 3000;

    /// <summary>JPEG quality of the live view.</summary>
    [Range(1, 100)]
    public int LiveFrameJpegQuality { get; set; } = 75;

    /// <summary>Longest a stop waits for the worker to drain before abandoning it (s).</summary>
    [Range(1, 300)]
    public int StopTimeoutSeconds { get; set; } = 15;

    /// <summary>Delay before the grain restarts a worker that failed (s).</summary>
    [Range(1, 3600)]
    public int FailedRestartDelaySeconds { get; set; } = 10;

    /// <summary>How often the open minute's counts so far are journaled (s), bounding what a crash can lose.</summary>
    /// <remarks>
    /// 1: a write is one journal line per camera and only when the counts changed; at 5 s a <c>kill -9</c> lost the
    /// 17 people counted in the last seconds of the open minute (issue 8 reproductions, 2026-12-04).
    /// </remarks>
    [Range(1, 60)]
    public int ProvisionalIntervalSeconds { get; set; } = 1;

    /// <summary>
    /// Stored images of <c>evidence</c> and <c>blurred</c> cameras (and the <c>blurred</c> live view) are also pixelated as a
    /// whole, in this many cells across the frame's shorter side, except the violator: faces phase 1 missed are covered
    /// too (60 on 360 px = 6 px cells, which leaves a 15–20 px face two or three cells). 0 = detected faces only.
    /// </summary>
    [Range(0, 1000)]
    public int PrivacyBackgroundCells { get; set; } = 60;
}
