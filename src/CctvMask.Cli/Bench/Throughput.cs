using System.Diagnostics;
using System.Text.Json.Serialization;

namespace CctvMask.Cli.Bench;

/// <summary>Median throughput of one benchmark over fixed time windows.</summary>
public sealed record Throughput(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("frames_per_s")] double? FramesPerSecond,
    [property: JsonPropertyName("faces_per_s")] double FacesPerSecond,
    [property: JsonPropertyName("windows")] int Windows)
{
    /// <summary>
    /// Runs <paramref name="iteration"/> (returns frames and faces processed) for about
    /// <paramref name="duration"/>, split into windows of <paramref name="window"/>; reports the median
    /// rate over the windows (robust to a slow first window or a noisy neighbour).
    /// </summary>
    public static Throughput Measure(string name, bool countsFrames, TimeSpan duration, TimeSpan window, Func<(int Frames, int Faces)> iteration)
    {
        iteration(); // warm-up
        var frameRates = new List<double>();
        var faceRates = new List<double>();
        var total = Stopwatch.StartNew();
        while (total.Elapsed < duration || frameRates.Count == 0)
        {
            var watch = Stopwatch.StartNew();
            long frames = 0, faces = 0;
            do
            {
                var (fr, fa) = iteration();
                frames += fr;
                faces += fa;
            }
            while (watch.Elapsed < window);
            double seconds = watch.Elapsed.TotalSeconds;
            frameRates.Add(frames / seconds);
            faceRates.Add(faces / seconds);
        }
        return new Throughput(name, countsFrames ? Median(frameRates) : null, Median(faceRates), frameRates.Count);
    }

    /// <summary>Median of a non-empty list.</summary>
    public static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }
}
