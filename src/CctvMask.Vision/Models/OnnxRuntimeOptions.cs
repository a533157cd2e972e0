using System.ComponentModel.DataAnnotations;

namespace CctvMask.Vision.Models;

/// <summary>How ONNX Runtime sessions are created (shared by both phases).</summary>
public sealed class OnnxRuntimeOptions
{
    /// <summary>cpu | cuda | auto.</summary>
    public ExecutionProviderKind ExecutionProvider { get; set; } = ExecutionProviderKind.Cpu;

    /// <summary>Threads inside one operator; 0 = ONNX Runtime's default (one per physical core).</summary>
    [Range(0, 256)]
    public int IntraOpThreads { get; set; }

    /// <summary>Threads across independent operators; 0 = ONNX Runtime's default.</summary>
    [Range(0, 256)]
    public int InterOpThreads { get; set; } = 1;

    /// <summary>
    /// Let idle intra-op threads spin-wait for the next operator. Off by default: the two phases' sessions
    /// alternate, and one session's spinning threads steal the cores the other one needs next.
    /// </summary>
    public bool AllowSpinning { get; set; }

    /// <summary>CUDA device index used by cuda/auto.</summary>
    [Range(0, 64)]
    public int CudaDeviceId { get; set; }
}
