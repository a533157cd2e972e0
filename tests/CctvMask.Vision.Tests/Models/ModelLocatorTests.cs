using CctvMask.Vision.Detection;
using CctvMask.Vision.Models;

namespace CctvMask.Vision.Tests.Models;

public sealed class ModelLocatorTests
{
    [Fact]
    public void ExplicitFolderWins()
    {
        var dir = Directory.CreateTempSubdirectory("cctvmask-models-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "x.onnx"), [1]);
            Assert.Equal(dir, ModelLocator.ResolveFolder(dir));
            Assert.Equal(Path.Combine(dir, "x.onnx"), ModelLocator.Resolve("x.onnx", dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void MissingFileNamesPathAndHowToFixIt()
    {
        var ex = Assert.Throws<ModelLoadException>(() => ModelLocator.Resolve("nope.onnx", "/nonexistent-models"));
        Assert.Contains("/nonexistent-models/nope.onnx", ex.Message);
        Assert.Contains("--models", ex.Message);
    }

    [Fact]
    public void WithoutExplicitFolderUsesEnvironmentOrDefault()
    {
        var env = Environment.GetEnvironmentVariable(ModelLocator.EnvironmentVariable);
        var expected = string.IsNullOrEmpty(env) ? Path.GetFullPath("models") : Path.GetFullPath(env);
        Assert.Equal(expected, ModelLocator.ResolveFolder(null));
    }
}
