using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Geometry;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.MaskClassification;

namespace CctvMask.Vision.Tests.MaskClassification;

public sealed class MaskClassifierTests : IDisposable
{
    private const int Size = 16;
    // Class 0 (with_mask) rises with plane 0, class 1 with plane 2.
    private static readonly float[,] Weights = { { 3f, -1f }, { 0.5f, 0.5f }, { -2f, 2.5f } };
    private static readonly float[] Bias = [0.1f, -0.2f];
    private readonly string _dir = Directory.CreateTempSubdirectory("cctvmask-vision-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Model(string name, IReadOnlyDictionary<string, string>? meta, int channels = 3, string output = "probabilities") =>
        TinyClassifierModel.Write(Path.Combine(_dir, name), Size, Weights, Bias, meta, channels, output);

    [Theory]
    [InlineData("RGB")]
    [InlineData("BGR")]
    public void ClassifiesFacesLikeAHandComputation(string order)
    {
        using var classifier = new MaskClassifier(new MaskClassifierOptions { ModelPath = Model("tiny.onnx", TinyClassifierModel.Metadata(Size, order)), MaxBatch = 2 });
        Assert.Equal(Size, classifier.Metadata.InputSize);

        using var image = BgrImage.Create(120, 80);
        new Random(5).NextBytes(image.Pixels);
        BoxF[] faces = [new(10, 10, 30, 34), new(60, 20, 20, 20), new(90, 50, 25, 25), new(-5, -5, 20, 20), new(0, 0, 4, 4)];
        var probabilities = new float[faces.Length * 2];
        classifier.ClassifyFaces(image.AsFrame(), faces, probabilities);

        var crop = new byte[Size * Size * 3];
        var tensor = new float[3 * Size * Size];
        for (int f = 0; f < faces.Length; f++)
        {
            FaceCropper.CropSquare(image.AsFrame(), faces[f], 0.25f, Size, crop);
            FaceCropper.ToTensor(crop, Size, classifier.Metadata, tensor);
            var logits = new double[2];
            for (int k = 0; k < 2; k++)
            {
                logits[k] = Bias[k];
                for (int c = 0; c < 3; c++)
                    logits[k] += Weights[c, k] * tensor.AsSpan(c * Size * Size, Size * Size).ToArray().Average();
            }
            double p0 = 1 / (1 + Math.Exp(logits[1] - logits[0]));
            Assert.Equal(p0, probabilities[f * 2], 4);
            Assert.Equal(1 - p0, probabilities[f * 2 + 1], 4);
        }
    }

    [Fact]
    public void MissingMetadataIsModelLoadException()
    {
        var meta = TinyClassifierModel.Metadata(Size);
        meta.Remove("cctvmask.std");
        var path = Model("nometa.onnx", meta);
        var ex = Assert.Throws<ModelLoadException>(() => new MaskClassifier(new MaskClassifierOptions { ModelPath = path }));
        Assert.Contains("cctvmask.std", ex.Message);
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void UnexpectedInputIsModelLoadException()
    {
        var path = Model("onechannel.onnx", TinyClassifierModel.Metadata(Size), channels: 1);
        var ex = Assert.Throws<ModelLoadException>(() => new MaskClassifier(new MaskClassifierOptions { ModelPath = path }));
        Assert.Contains("input", ex.Message);
    }

    [Fact]
    public void InputSizeDisagreeingWithMetadataIsModelLoadException()
    {
        var path = Model("size.onnx", TinyClassifierModel.Metadata(Size * 2));
        var ex = Assert.Throws<ModelLoadException>(() => new MaskClassifier(new MaskClassifierOptions { ModelPath = path }));
        Assert.Contains($"{Size * 2}", ex.Message);
    }

    [Fact]
    public void YuNetAsClassifierIsModelLoadException()
    {
        var path = TestEnvironment.Model("yunet_n_640_640.onnx");
        var ex = Assert.Throws<ModelLoadException>(() => new MaskClassifier(new MaskClassifierOptions { ModelPath = path }));
        Assert.Contains(path, ex.Message);
    }

    [Fact]
    public void CorruptFileIsModelLoadException()
    {
        var path = Path.Combine(_dir, "corrupt.onnx");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5, 6, 7, 8, 9]);
        var ex = Assert.Throws<ModelLoadException>(() => new MaskClassifier(new MaskClassifierOptions { ModelPath = path }));
        Assert.Contains(path, ex.Message);
    }
}
