namespace CctvMask.Video.Ingest;

/// <summary>ffmpeg swscale algorithm used when resizing to the analysis size.</summary>
public enum ScaleAlgorithm
{
    /// <summary>Cheapest; visible aliasing on big downscales.</summary>
    FastBilinear,
    Bilinear,
    Bicubic,

    /// <summary>Averages source pixels: the best quality for downscaling, where small faces live.</summary>
    Area,
}
