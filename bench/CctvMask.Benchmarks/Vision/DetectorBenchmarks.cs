using BenchmarkDotNet.Attributes;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;
using CctvMask.Vision.Models;

namespace CctvMask.Benchmarks.Vision;

/// <summary>
/// End to end per frame: phase 1 alone per input size policy, and both phases (needs
/// mask_classifier.onnx in the model folder). Allocated bytes per call come from [MemoryDiagnoser].
/// </summary>
[MemoryDiagnoser]
public class DetectorBenchmarks
{
    private BgrImage _image = null!;
    private BgrFrame[] _frames = null!;
    private YuNetFaceDetector _detector = null!;
    private TwoPhaseDetector? _twoPhase;
    private RawFace[] _results = null!;

    [Params("fixed-640", "dynamic-native", "dynamic-atleast-640")]
    public string Config { get; set; } = "fixed-640";

    [GlobalSetup]
    public void Setup()
    {
        _image = BenchmarkFixtures.DevImage("maksssksksss373");
        _frames = [_image.AsFrame()];
        var options = Config switch
        {
            "fixed-640" => new FaceDetectorOptions { ModelPath = BenchmarkFixtures.Model(ModelLocator.FixedDetector), InputSizePolicy = InputSizePolicy.Fixed640 },
            "dynamic-native" => new FaceDetectorOptions { ModelPath = BenchmarkFixtures.Model(ModelLocator.DynamicDetector), InputSizePolicy = InputSizePolicy.Native },
            _ => new FaceDetectorOptions { ModelPath = BenchmarkFixtures.Model(ModelLocator.DynamicDetector), InputSizePolicy = InputSizePolicy.AtLeastLongSide },
        };
        _detector = new YuNetFaceDetector(options);
        _results = new RawFace[512];
        var classifier = Path.Combine(ModelLocator.ResolveFolder(), ModelLocator.Classifier);
        if (File.Exists(classifier))
        {
            _twoPhase = new TwoPhaseDetector(new TwoPhaseDetectorOptions
            {
                Detector = options,
                Classifier = new MaskClassifierOptions { ModelPath = classifier },
            });
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _detector.Dispose();
        _twoPhase?.Dispose();
        _image.Dispose();
    }

    [Benchmark(Description = "Phase 1 (YuNet) on a 512x340 photo")]
    public int FaceDetection() => _detector.Detect(_image.AsFrame(), _results);

    [Benchmark(Description = "Both phases on a 512x340 photo (13 faces)")]
    public int TwoPhase()
    {
        if (_twoPhase is null)
            throw new InvalidOperationException("mask_classifier.onnx is not in the model folder (set CCTVMASK_MODELS).");
        using var result = _twoPhase.Detect(_frames);
        return result.FaceCount;
    }
}
