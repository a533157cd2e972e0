namespace CctvMask.Video.Tests.Support;

/// <summary>
/// Tests that start real ffmpeg processes run one after another: they assert that no ffmpeg child
/// is left behind, which needs no other test's ffmpeg running at the same time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealFfmpegCollection
{
    public const string Name = "real ffmpeg";
}
