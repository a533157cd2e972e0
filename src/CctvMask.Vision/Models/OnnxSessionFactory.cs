using CctvMask.Vision.Detection;
using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace CctvMask.Vision.Models;

/// <summary>
/// Opens ONNX Runtime sessions with the configured execution provider. "auto" tries to append the
/// CUDA provider and to create the session with it (GetAvailableProviders lists CUDA even when its
/// libraries are missing, so only trying tells); on failure it falls back to CPU and warns once.
/// </summary>
internal static class OnnxSessionFactory
{
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
                var session = Create(modelPath, runtime, cuda: true);
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
            options.AppendExecutionProvider_CUDA(runtime.CudaDeviceId);
        try
        {
            return new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException ex) when (!cuda)
        {
            throw new ModelLoadException(modelPath, $"not a valid ONNX model ({FirstLine(ex.Message)})", ex);
        }
    }

    private static string FirstLine(string text)
    {
        int nl = text.IndexOf('\n');
        return nl < 0 ? text : text[..nl];
    }
}
