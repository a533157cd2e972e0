using CctvMask.Vision.Detection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace CctvMask.Vision.Models;

/// <summary>
/// Opens ONNX Runtime sessions with the configured execution provider. "auto" tries to append the
/// CUDA provider and to create the session with it (GetAvailableProviders lists CUDA even when its
/// libraries are missing, so only trying tells); on failure it falls back to CPU and warns once.
/// </summary>
/// <remarks>
/// What differs on a GPU (the GPU build, <c>-p:UseCuda=true</c>; see the README's "GPU" section):
/// each phase gets its own CUDA session (both share the device; ONNX Runtime serialises kernels per
/// stream, so two sessions let phase 1 of one round overlap phase 2 of the previous one). Inputs stay
/// the CPU-side pooled <c>OrtValue</c>s; ONNX Runtime copies them to the device per run. An
/// <c>OrtIoBinding</c> with pinned host buffers (and outputs bound to device memory) removes one copy
/// per run and is worth it for phase 2 at large batches; it is optional and not used yet, because
/// nothing here has run on a GPU to measure it.
/// </remarks>
internal static class OnnxSessionFactory
{
    /// <summary>
    /// cuDNN picks convolution algorithms by heuristic instead of timing every candidate: YuNet's input
    /// shape follows each camera's resolution, and an exhaustive search would run again for every new shape.
    /// </summary>
    private const string CudnnConvAlgoSearch = "HEURISTIC";

    /// <summary>The CUDA arena grows by what is asked, not by powers of two: varied frame sizes would otherwise
    /// reserve far more device memory than any one batch needs.</summary>
    private const string ArenaExtendStrategy = "kSameAsRequested";

    private static readonly Lock ProbeLock = new();
    private static int _cudaUnavailable;

    public static InferenceSession Open(string modelPath, OnnxRuntimeOptions runtime, ILogger logger)
    {
        if (string.IsNullOrWhiteSpace(modelPath))
            throw new ModelLoadException("(no path)", "model path is empty");
        if (!File.Exists(modelPath))
            throw new ModelLoadException(modelPath, "model file not found");

        bool tryCuda = runtime.ExecutionProvider == ExecutionProviderKind.Cuda
            || (runtime.ExecutionProvider == ExecutionProviderKind.Auto && Volatile.Read(ref _cudaUnavailable) == 0);
        Exception? cudaError = null;
        if (tryCuda)
        {
            try
            {
                var session = runtime.ExecutionProvider == ExecutionProviderKind.Auto
                    ? CreateQuietly(modelPath, runtime)
                    : Create(modelPath, runtime, cuda: true);
                VisionLog.SessionCreated(logger, modelPath, "CUDA");
                return session;
            }
            catch (Exception ex) when (runtime.ExecutionProvider == ExecutionProviderKind.Cuda)
            {
                throw new ModelLoadException(modelPath, $"cannot create a CUDA session: {FirstLine(ex.Message)}", ex);
            }
            catch (Exception ex)
            {
                cudaError = ex;
            }
        }

        // A corrupt model fails here too, with the right message, and then says nothing about CUDA.
        var cpu = Create(modelPath, runtime, cuda: false);
        if (cudaError is not null && Interlocked.Exchange(ref _cudaUnavailable, 1) == 0)
            VisionLog.CudaUnavailable(logger, FirstLine(cudaError.Message));
        VisionLog.SessionCreated(logger, modelPath, "CPU");
        return cpu;
    }

    /// <summary>Forgets that CUDA was found unavailable (tests).</summary>
    internal static void ResetCudaProbe() => Volatile.Write(ref _cudaUnavailable, 0);

    /// <summary>
    /// The "auto" probe. Loading the CUDA provider can make ONNX Runtime's native logger print its own error
    /// line to stderr (seen with <c>AppendExecutionProvider_CUDA(deviceId)</c> when libcublasLt is missing);
    /// "auto" expects that failure on CPU machines and reports it as one warning, whose text already names
    /// the missing library, so native logging is fatal-only while probing.
    /// </summary>
    private static InferenceSession CreateQuietly(string modelPath, OnnxRuntimeOptions runtime)
    {
        lock (ProbeLock)
        {
            var env = OrtEnv.Instance();
            var level = env.EnvLogLevel;
            env.EnvLogLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL;
            try
            {
                return Create(modelPath, runtime, cuda: true);
            }
            finally
            {
                env.EnvLogLevel = level;
            }
        }
    }

    private static InferenceSession Create(string modelPath, OnnxRuntimeOptions runtime, bool cuda)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = runtime.IntraOpThreads,
            InterOpNumThreads = runtime.InterOpThreads,
        };
        options.AddSessionConfigEntry("session.intra_op.allow_spinning", runtime.AllowSpinning ? "1" : "0");
        if (cuda)
            AppendCuda(options, runtime);
        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex) when (!cuda)
        {
            throw new ModelLoadException(modelPath, $"not a valid ONNX model ({FirstLine(ex.Message)})", ex);
        }
    }

    /// <summary>
    /// Appends the CUDA provider with the options the two phases need (see the constants). Creating the
    /// provider options already loads the CUDA provider library, so on a machine without CUDA (or with the
    /// CPU package) this throws, which is what "auto" relies on.
    /// </summary>
    private static void AppendCuda(SessionOptions options, OnnxRuntimeOptions runtime)
    {
        using var cuda = new OrtCUDAProviderOptions();
        cuda.UpdateOptions(new Dictionary<string, string>
        {
            ["device_id"] = runtime.CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["cudnn_conv_algo_search"] = CudnnConvAlgoSearch,
            ["arena_extend_strategy"] = ArenaExtendStrategy,
            // Copies and kernels on one stream: the pooled host buffers are reused as soon as Run returns.
            ["do_copy_in_default_stream"] = "1",
        });
        options.AppendExecutionProvider_CUDA(cuda);
    }

    private static string FirstLine(string text)
    {
        int nl = text.IndexOf('\n');
        return nl < 0 ? text : text[..nl];
    }
}
