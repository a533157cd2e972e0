namespace CctvMask.Vision.Models;

/// <summary>Where ONNX Runtime runs the models.</summary>
public enum ExecutionProviderKind
{
    /// <summary>CPU only.</summary>
    Cpu,

    /// <summary>CUDA; loading fails when CUDA is unavailable.</summary>
    Cuda,

    /// <summary>CUDA when it can be enabled, otherwise CPU with one logged warning.</summary>
    Auto,
}
