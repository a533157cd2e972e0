namespace CctvMask.Video.Sources;

/// <summary>How the analysis frame size is chosen; see <see cref="AnalysisSize"/>.</summary>
public enum AnalysisSizeMode
{
    /// <summary>The stream's own size (found with ffprobe).</summary>
    Native,

    /// <summary>A given width; the height keeps the stream's aspect ratio (found with ffprobe), rounded to even.</summary>
    Width,

    /// <summary>A given width and height; no probe needed (aspect may change).</summary>
    Exact,
}
