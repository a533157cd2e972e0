using CctvMask.Testing;

namespace CctvMask.Cli.Tests.Common;

/// <summary>
/// A temporary model folder: symlinks to the real YuNet detectors (published and the project's fine-tuned default) plus a classifier that is either
/// the real one (<see cref="TestEnvironment.Model"/>; fails when missing) or a tiny generated one.
/// </summary>
internal sealed class DevModelFolder : IDisposable
{
    private readonly TempDir _dir = new();

    public DevModelFolder(bool realClassifier)
    {
        foreach (var name in new[] { "yunet_n_640_640.onnx", "yunet_n_dynamic.onnx", "face_detector.onnx" })
            System.IO.File.CreateSymbolicLink(_dir.File(name), TestEnvironment.Model(name));
        if (realClassifier)
            System.IO.File.CreateSymbolicLink(_dir.File("mask_classifier.onnx"), TestEnvironment.Model("mask_classifier.onnx"));
        else
            TinyOnnx.WriteClassifier(_dir.File("mask_classifier.onnx"));
    }

    public string Path => _dir.Path;

    public string File(string name) => _dir.File(name);

    public void Dispose() => _dir.Dispose();
}
