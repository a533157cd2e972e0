using System.Diagnostics;
using System.Text.Json;
using CctvMask.Cli.Common;
using CctvMask.Cli.Tests.Common;
using CctvMask.Testing;

namespace CctvMask.Cli.Tests.Detect;

/// <summary>
/// The GPU build (<c>-p:UseCuda=true</c>, Microsoft.ML.OnnxRuntime.Gpu.Linux) run with <c>--provider auto</c> on
/// this GPU-less machine: one warning, CPU fallback, the CPU build's faces. infra/scripts/test.sh builds it
/// into artifacts/gpu before the tests; a missing build fails here, it never skips.
/// </summary>
public sealed class GpuBuildTests
{
    private const string DevImage = "maksssksksss1";

    /// <summary>The CUDA provider library only the GPU package ships: proves the folder holds the GPU build.</summary>
    private const string CudaProviderLibrary = "libonnxruntime_providers_cuda.so";

    /// <summary>Pixels; both builds run the same graph on the same CPU provider, so boxes agree to JSON rounding.</summary>
    private const double BoxTolerance = 0.5;

    /// <summary>Score and mask probability (rounded to 4 decimals in the JSON).</summary>
    private const double ProbabilityTolerance = 1e-3;

    /// <summary>Only a guard against a hung child in CI; the run takes about a second.</summary>
    private static readonly TimeSpan ProcessGuard = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task GpuBuild_AutoOnAMachineWithoutCuda_WarnsOnceFallsBackToCpuAndFindsTheCpuBuildsFaces()
    {
        var gpuCli = FindGpuCli();
        Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(gpuCli)!, CudaProviderLibrary)),
            $"{gpuCli} is not a GPU build: {CudaProviderLibrary} is missing beside it");
        using var models = new DevModelFolder(realClassifier: true);
        var image = TestEnvironment.Shared("datasets", "face-mask-dev", "images", DevImage + ".jpg");

        var gpu = await RunProcessAsync(gpuCli, "detect", image, "--json", "--provider", "auto", "--models", models.Path);
        var cpu = await CliRun.RunAsync("detect", image, "--json", "--provider", "cpu", "--models", models.Path);

        Assert.True(gpu.ExitCode == 0, $"GPU build exited {gpu.ExitCode}: {gpu.Err}");
        var warning = Assert.Single(gpu.ErrLines);
        Assert.StartsWith(StderrLogger<object>.WarningPrefix, warning);
        Assert.Contains("falling back to CPU", warning);
        Assert.Equal(0, cpu.ExitCode);
        Assert.Equal("", cpu.Err);

        var gpuFaces = Faces(gpu.Out);
        var cpuFaces = Faces(cpu.Out);
        Assert.NotEmpty(cpuFaces);
        Assert.Equal(cpuFaces.Count, gpuFaces.Count);
        for (int i = 0; i < cpuFaces.Count; i++)
        {
            var (c, g) = (cpuFaces[i], gpuFaces[i]);
            Assert.Equal(c.Label, g.Label);
            Assert.Equal(c.X, g.X, BoxTolerance);
            Assert.Equal(c.Y, g.Y, BoxTolerance);
            Assert.Equal(c.Width, g.Width, BoxTolerance);
            Assert.Equal(c.Height, g.Height, BoxTolerance);
            Assert.Equal(c.Score, g.Score, ProbabilityTolerance);
            Assert.Equal(c.MaskProbability ?? double.NaN, g.MaskProbability ?? double.NaN, ProbabilityTolerance);
        }
    }

    /// <summary>The GPU CLI of the configuration under test (Release in CI), or CCTVMASK_GPU_CLI.</summary>
    private static string FindGpuCli()
    {
        if (Environment.GetEnvironmentVariable("CCTVMASK_GPU_CLI") is { Length: > 0 } explicitPath)
            return File.Exists(explicitPath) ? explicitPath : throw new FileNotFoundException($"CCTVMASK_GPU_CLI={explicitPath} does not exist");
        string[] candidates =
        [
            Path.Combine(TestEnvironment.RepoRoot, "artifacts", "gpu", "bin", "CctvMask.Cli", "Release", "net10.0", "linux-x64", "cctvmask.dll"),
            Path.Combine(TestEnvironment.RepoRoot, "artifacts", "gpu", "bin", "CctvMask.Cli", "Debug", "net10.0", "linux-x64", "cctvmask.dll"),
        ];
        return candidates.FirstOrDefault(File.Exists) ?? throw new FileNotFoundException(
            "The GPU build of the CLI is missing (looked for " + string.Join(", ", candidates) + "). Build it with " +
            "`dotnet build src/CctvMask.Cli -c Release -p:UseCuda=true` (infra/scripts/test.sh does this before the tests).");
    }

    private static async Task<CliRun> RunProcessAsync(string cliDll, params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(cliDll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var guard = new CancellationTokenSource(ProcessGuard);
        try
        {
            await process.WaitForExitAsync(guard.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return new CliRun(process.ExitCode, await stdout, await stderr);
    }

    private static List<Face> Faces(string jsonLines)
    {
        using var doc = JsonDocument.Parse(Assert.Single(jsonLines.Split('\n', StringSplitOptions.RemoveEmptyEntries)));
        return doc.RootElement.GetProperty("faces").EnumerateArray().Select(f =>
        {
            var box = f.GetProperty("box");
            var p = f.GetProperty("mask_probability");
            return new Face(box.GetProperty("x").GetDouble(), box.GetProperty("y").GetDouble(),
                box.GetProperty("width").GetDouble(), box.GetProperty("height").GetDouble(),
                f.GetProperty("score").GetDouble(), f.GetProperty("label").GetString()!,
                p.ValueKind == JsonValueKind.Null ? null : p.GetDouble());
        }).OrderBy(f => f.X).ThenBy(f => f.Y).ToList();
    }

    private sealed record Face(double X, double Y, double Width, double Height, double Score, string Label, double? MaskProbability);
}
