using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.MaskClassification;
using CctvMask.Vision.Tests.MaskClassification;

namespace CctvMask.Vision.Tests.Detection;

/// <summary>The label rule with a three-class classifier (with, without, mask_incorrect) and with a two-class one.</summary>
public sealed class ThreeClassJudgeTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-judge3-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private TwoPhaseDetector Create(string classes)
    {
        int n = classes.Split(',').Length;
        var metadata = TinyClassifierModel.Metadata(16);
        metadata["cctvmask.classes"] = classes;
        var model = TinyClassifierModel.Write(Path.Combine(_dir, $"tiny{n}.onnx"), 16, new float[3, n], new float[n], metadata);
        return new TwoPhaseDetector(new TwoPhaseDetectorOptions
        {
            Detector = new FaceDetectorOptions { ModelPath = TestEnvironment.Model("yunet_n_640_640.onnx"), InputSizePolicy = InputSizePolicy.Fixed640 },
            Classifier = new MaskClassifierOptions { ModelPath = model },
            MinFaceSize = 12,
            MinConfidence = 0.6f,
        });
    }

    private static readonly RawFace Face = new(new BoxF(10, 10, 40, 40), 0.9f, default);

    [Fact]
    public void A_confident_incorrect_top_class_is_mask_incorrect_with_its_probability()
    {
        // Class order in the model is not assumed: the incorrect column comes first here.
        using var detector = Create("mask_incorrect,with_mask,without_mask");
        Assert.Equal(0, detector.Classifier.Metadata.IncorrectIndex);

        var face = detector.Judge(Face, [0.8f, 0.15f, 0.05f]);

        Assert.Equal(FaceLabel.Incorrect, face.Label);
        Assert.Equal(0.15f, face.MaskProbability);
        Assert.Equal(0.8f, face.IncorrectProbability);
        Assert.Equal("mask_incorrect", face.Label.ToName());
    }

    [Fact]
    public void Incorrect_follows_the_same_size_and_confidence_rule_as_the_other_classes()
    {
        using var detector = Create("with_mask,without_mask,mask_incorrect");

        Assert.Equal(FaceLabel.Unknown, detector.Judge(Face, [0.3f, 0.2f, 0.5f]).Label);   // below MinConfidence
        Assert.Equal(FaceLabel.Unknown, detector.Judge(Face with { Box = new BoxF(0, 0, 8, 8) }, [0f, 0f, 1f]).Label); // too small
        Assert.Equal(FaceLabel.WithoutMask, detector.Judge(Face, [0.1f, 0.7f, 0.2f]).Label);
        Assert.Equal(FaceLabel.WithMask, detector.Judge(Face, [0.7f, 0.1f, 0.2f]).Label);
    }

    [Fact]
    public void A_two_class_model_never_says_incorrect_and_has_no_incorrect_probability()
    {
        using var detector = Create("with_mask,without_mask");
        Assert.Equal(-1, detector.Classifier.Metadata.IncorrectIndex);

        var face = detector.Judge(Face, [0.1f, 0.9f]);

        Assert.Equal(FaceLabel.WithoutMask, face.Label);
        Assert.True(float.IsNaN(face.IncorrectProbability));
    }

    [Fact]
    public void Label_names_round_trip_including_mask_incorrect()
    {
        foreach (var label in Enum.GetValues<FaceLabel>())
        {
            Assert.True(FaceLabelNames.TryParse(label.ToName(), out var parsed));
            Assert.Equal(label, parsed);
        }
    }
}
