using CctvMask.Testing;

namespace CctvMask.Grains.Tests.Support;

/// <summary>Shared test clips.</summary>
internal static class Videos
{
    public static string Crowd360 => TestEnvironment.Shared("videos", "crowd_640x360_10fps.mp4");
}
