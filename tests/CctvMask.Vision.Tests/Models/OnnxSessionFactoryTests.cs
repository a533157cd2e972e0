using CctvMask.Testing;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;
using CctvMask.Vision.Tests.Imaging;
using Microsoft.Extensions.Logging;

namespace CctvMask.Vision.Tests.Models;

/// <summary>Execution provider selection on a machine without CUDA (the CPU package is the default build).</summary>
public sealed class OnnxSessionFactoryTests
{
    [Fact]
    public void AutoFallsBackToCpuWithOneWarning()
    {
        OnnxSessionFactory.ResetCudaProbe();
        var logger = new ListLogger();
        var options = new FaceDetectorOptions { ModelPath = TestEnvironment.Model(ModelLocator.FixedDetector) };
        var runtime = new OnnxRuntimeOptions { ExecutionProvider = ExecutionProviderKind.Auto };
        using var first = new YuNetFaceDetector(options, runtime, logger);
        using var second = new YuNetFaceDetector(options, runtime, logger);

        Assert.Single(logger.Entries, e => e.Level == LogLevel.Warning && e.Message.Contains("CUDA"));
        using var image = ImageCodec.DecodeFile(DevSet.Image("maksssksksss257"));
        Assert.True(second.Detect(image.AsFrame(), new RawFace[64]) > 0);
    }

    [Fact]
    public void ExplicitCudaWithoutCudaIsModelLoadException()
    {
        var options = new FaceDetectorOptions { ModelPath = TestEnvironment.Model(ModelLocator.FixedDetector) };
        var ex = Assert.Throws<ModelLoadException>(() =>
            new YuNetFaceDetector(options, new OnnxRuntimeOptions { ExecutionProvider = ExecutionProviderKind.Cuda }));
        Assert.Contains("CUDA", ex.Message);
        Assert.Contains(options.ModelPath, ex.Message);
    }

    private sealed class ListLogger : ILogger
    {
        public List<(LogLevel Level, string Message)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (Entries)
                Entries.Add((logLevel, formatter(state, exception)));
        }
    }
}
