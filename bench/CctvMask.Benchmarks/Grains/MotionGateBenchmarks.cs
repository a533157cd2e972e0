using BenchmarkDotNet.Attributes;
using CctvMask.Grains.Inference;
using CctvMask.Vision.Imaging;

namespace CctvMask.Benchmarks.Grains;

/// <summary>
/// What the motion gate and the scene-cut rule cost per analysed frame at the defaults (640×360 frame, 64×36 thumbnail):
/// the thumbnail, the gate's changed fraction and the scene difference (brightness shift taken off).
/// </summary>
[MemoryDiagnoser]
public class MotionGateBenchmarks
{
    private const int Width = 64, Height = 36;
    private BgrFrame _frame;
    private readonly byte[] _previous = new byte[Width * Height];
    private readonly byte[] _current = new byte[Width * Height];

    [GlobalSetup]
    public void Setup()
    {
        var rng = new Random(3);
        var pixels = new byte[640 * 360 * 3];
        rng.NextBytes(pixels);
        _frame = new BgrFrame(pixels, 640, 360);
        rng.NextBytes(_previous);
        rng.NextBytes(_current);
    }

    [Benchmark(Description = "thumbnail 640x360 -> 64x36")]
    public void Thumbnail() => MotionGate.Thumbnail(_frame, Width, Height, _current);

    [Benchmark(Description = "changed fraction")]
    public double ChangedFraction() => MotionGate.ChangedFraction(_previous, _current, 10);

    [Benchmark(Description = "scene difference")]
    public double SceneDifference() => MotionGate.SceneDifference(_previous, _current);
}
