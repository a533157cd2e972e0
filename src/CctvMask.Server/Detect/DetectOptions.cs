using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Detect;

/// <summary>POST /api/detect limits (section "Detect").</summary>
public sealed class DetectOptions
{
    public const string SectionName = "Detect";

    /// <summary>Largest accepted upload, in bytes (the only endpoint allowed past the small default).</summary>
    [Range(1_024, 512L * 1024 * 1024)]
    public long MaxUploadBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Largest image accepted, from its header, in megapixels (the CLI allows 50). A compressed
    /// image can claim far more pixels than its bytes suggest; this bounds decode time.
    /// </summary>
    [Range(0.01, 50)]
    public double MaxSourceMegapixels { get; set; } = 16;

    /// <summary>
    /// Most pixels the detector analyses, in megapixels: a larger image is reduced by an integer
    /// factor while it is decoded (boxes are reported in the original's pixels). Bounds memory.
    /// </summary>
    [Range(0.01, 50)]
    public double MaxAnalysisMegapixels { get; set; } = 2.1;

    /// <summary>Detections running at once; more requests wait in the queue.</summary>
    [Range(1, 64)]
    public int MaxConcurrent { get; set; } = 2;

    /// <summary>Requests waiting for a slot; past it the answer is 429 with Retry-After.</summary>
    [Range(0, 1000)]
    public int QueueLimit { get; set; } = 4;

    /// <summary>Retry-After of a 429, in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 2;

    /// <summary><see cref="MaxSourceMegapixels"/> in pixels.</summary>
    public long MaxSourcePixels => (long)(MaxSourceMegapixels * 1_000_000);

    /// <summary><see cref="MaxAnalysisMegapixels"/> in pixels.</summary>
    public long MaxAnalysisPixels => (long)(MaxAnalysisMegapixels * 1_000_000);
}
