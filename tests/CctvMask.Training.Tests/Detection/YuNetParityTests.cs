using CctvMask.Testing;
using CctvMask.Training.Detection;
using CctvMask.Training.Export;
using CctvMask.Vision.Imaging;
using Microsoft.ML.OnnxRuntime;
using TorchSharp;
using static TorchSharp.torch;

namespace CctvMask.Training.Tests.Detection;

/// <summary>
/// The TorchSharp executor of YuNet's graph against ONNX Runtime on real face-mask-dev photos, all 12 outputs.
/// Measured max abs difference over all 12 outputs (yunet_n and yunet_s, three photos at native size):
/// 2.2e-6 … 3.7e-6; the bound below (1e-4) leaves room for thread-count and instruction-set jitter.
/// </summary>
public sealed class YuNetParityTests(Xunit.Abstractions.ITestOutputHelper output)
{
    internal const float Tolerance = 1e-4f;
    internal static readonly string[] Photos = ["maksssksksss1", "maksssksksss105", "maksssksksss11"];

    [Theory]
    [InlineData("yunet_n_dynamic.onnx")]
    [InlineData("yunet_s_dynamic.onnx")]
    public void Torch_forward_matches_onnx_runtime_on_real_photos_within_1e_4(string modelFile)
    {
        var path = TestEnvironment.Shared("models", "face-detection", modelFile);
        using var module = YuNetModule.Load(path);
        module.eval();
        using var session = new InferenceSession(path);
        foreach (var photo in Photos)
        {
            var (input, shape) = LoadPhoto(photo);
            float diff = MaxDifference(module, session, input, shape);
            output.WriteLine($"{modelFile} {photo}: max abs difference {diff:E2}");
            Assert.True(diff <= Tolerance, $"{modelFile} {photo}: max abs difference {diff}");
        }
    }

    [Fact]
    public void Exporting_untouched_weights_gives_the_published_outputs()
    {
        var path = TestEnvironment.Shared("models", "face-detection", "yunet_n_dynamic.onnx");
        using var module = YuNetModule.Load(path);
        var exported = YuNetOnnxExporter.Export(module);
        using var original = new InferenceSession(path);
        using var roundTrip = new InferenceSession(exported);
        Assert.Equal(original.OutputMetadata.Keys.Order(), roundTrip.OutputMetadata.Keys.Order());
        var (input, shape) = LoadPhoto(Photos[0]);
        var a = Run(original, input, shape);
        var b = Run(roundTrip, input, shape);
        foreach (var (name, values) in a)
            Assert.Equal(values, b[name]);
    }

    [Fact]
    public void Exported_trained_weights_change_the_onnx_outputs_like_the_torch_module()
    {
        var path = TestEnvironment.Shared("models", "face-detection", "yunet_n_dynamic.onnx");
        using var module = YuNetModule.Load(path);
        using (no_grad())
        {
            // Stand-in for training: nudge every parameter.
            foreach (var p in module.parameters()) p.add_(0.01f);
        }
        module.eval();
        using var session = new InferenceSession(YuNetOnnxExporter.Export(module));
        using var published = new InferenceSession(path);
        var (input, shape) = LoadPhoto(Photos[1]);
        Assert.True(MaxDifference(module, session, input, shape) <= Tolerance);
        Assert.NotEqual(Run(published, input, shape)["obj_8"], Run(session, input, shape)["obj_8"]);
    }

    internal static (float[] Input, long[] Shape) LoadPhoto(string stem)
    {
        using var image = ImageCodec.DecodeFile(TestEnvironment.Shared("datasets", "face-mask-dev", "images", stem + ".jpg"));
        int w = DetectorInput.Align(image.Width), h = DetectorInput.Align(image.Height);
        var input = new float[3 * w * h];
        DetectorInput.ToChw(image.AsFrame(), w, h, input);
        return (input, [1, 3, h, w]);
    }

    internal static float MaxDifference(YuNetModule module, InferenceSession session, float[] input, long[] shape)
    {
        var expected = Run(session, input, shape);
        float max = 0;
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var outputs = module.call(torch.tensor(input, shape));
        foreach (var (name, values) in expected)
        {
            var actual = outputs[name].contiguous().data<float>().ToArray();
            Assert.Equal(values.Length, actual.Length);
            for (int i = 0; i < values.Length; i++) max = Math.Max(max, Math.Abs(values[i] - actual[i]));
        }
        return max;
    }

    internal static Dictionary<string, float[]> Run(InferenceSession session, float[] input, long[] shape)
    {
        using var value = OrtValue.CreateTensorValueFromMemory(input, shape);
        var names = session.OutputMetadata.Keys.ToArray();
        using var results = session.Run(new RunOptions(), ["input"], [value], names);
        return names.Select((n, i) => (n, results[i].GetTensorDataAsSpan<float>().ToArray())).ToDictionary(p => p.n, p => p.Item2);
    }
}
