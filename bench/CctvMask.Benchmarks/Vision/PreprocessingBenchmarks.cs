using BenchmarkDotNet.Attributes;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;

namespace CctvMask.Benchmarks.Vision;

/// <summary>Pure pre/post-processing steps of both phases (no ONNX Runtime).</summary>
[MemoryDiagnoser]
public class PreprocessingBenchmarks
{
    private BgrImage _image = null!;
    private InputGeometry _letterbox;
    private InputGeometry _native;
    private float[] _input = null!;
    private RawFace[] _candidates = null!;
    private RawFace[] _work = null!;
    private RawFace[] _results = null!;
    private byte[] _crop = null!;
    private float[] _tensor = null!;
    private MaskClassifierMetadata _meta = null!;
    private byte[] _bgra = null!;

    [GlobalSetup]
    public void Setup()
    {
        _image = BenchmarkFixtures.DevImage("maksssksksss373");
        _letterbox = InputGeometry.Plan(_image.Width, _image.Height, InputSizePolicy.Fixed640, 640, 640, 640);
        _native = InputGeometry.Plan(_image.Width, _image.Height, InputSizePolicy.Native, 640, 0, 0);
        _input = new float[3 * 640 * 640];
        var rng = new Random(1);
        _candidates = new RawFace[2000];
        for (int i = 0; i < _candidates.Length; i++)
        {
            float x = rng.Next(600), y = rng.Next(600), s = 10 + rng.Next(40);
            _candidates[i] = new RawFace(new BoxF(x, y, s, s), (float)rng.NextDouble(), default);
        }
        _work = new RawFace[_candidates.Length];
        _results = new RawFace[512];
        _crop = new byte[64 * 64 * 3];
        _tensor = new float[3 * 64 * 64];
        _bgra = new byte[_image.Width * _image.Height * 4];
        _meta = new MaskClassifierMetadata(["with_mask", "without_mask"], 64, ChannelOrder.Rgb, [0.5f, 0.5f, 0.5f], [0.5f, 0.5f, 0.5f], 0.25f);
    }

    [GlobalCleanup]
    public void Cleanup() => _image.Dispose();

    [Benchmark(Description = "YuNet input: letterbox 512x340 → 640x640 (bilinear)")]
    public void LetterboxToNchw() => YuNetPreprocessing.ResizeToNchw(_image.AsFrame(), _letterbox, _input);

    [Benchmark(Description = "YuNet input: native 512x340 → 512x352 (copy + pad)")]
    public void NativeToNchw() => YuNetPreprocessing.ResizeToNchw(_image.AsFrame(), _native, _input);

    [Benchmark(Description = "NMS over 2000 candidates")]
    public int Nms()
    {
        _candidates.CopyTo(_work, 0);
        return YuNetDecoding.Nms(_work, 5000, 0.45f, _results);
    }

    [Benchmark(Description = "Face crop 40 px → 64x64 + tensor")]
    public void CropAndTensor()
    {
        FaceCropper.CropSquare(_image.AsFrame(), new BoxF(200, 100, 40, 44), 0.25f, 64, _crop);
        FaceCropper.ToTensor(_crop, 64, _meta, _tensor);
    }

    [Benchmark(Description = "Skia layout: BGR → BGRA, 512x340 (evidence snapshot, live frame)")]
    public void BgrToBgra() => PixelConversion.BgrToBgra(_image.Pixels, _bgra);

    [Benchmark(Description = "Skia layout: BGRA → BGR, 512x340 (drawing in place)")]
    public void BgraToBgr() => PixelConversion.BgraToBgr(_bgra, _image.Pixels);
}
