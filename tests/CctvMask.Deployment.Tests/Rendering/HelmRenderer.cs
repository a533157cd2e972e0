using System.Security.Cryptography;
using CctvMask.Testing;

namespace CctvMask.Deployment.Tests.Rendering;

/// <summary>
/// Builds infra/helm-render (Go + sprig from Debian, GOPATH mode, offline) once per source version
/// and renders helm/cctvmask with it. No Go is a test failure with the fix in the message, never a skip.
/// </summary>
public static class HelmRenderer
{
    /// <summary>Debian's Go packages live here.</summary>
    private const string DebianGoPath = "/usr/share/gocode";

    private const string AptPackages = "golang-go golang-github-masterminds-sprig-dev golang-gopkg-yaml.v3-dev golang-github-xeipuuv-gojsonschema-dev";

    private static readonly Lazy<string> Binary = new(Build, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ChartDir => Path.Combine(TestEnvironment.RepoRoot, "helm", "cctvmask");

    /// <summary>A values file shipped with the chart (helm/cctvmask/ci/NAME).</summary>
    public static string CiValues(string name) => Path.Combine(ChartDir, "ci", name);

    /// <summary>Renders the chart; a non-zero exit comes back as a result (for the failure tests).</summary>
    public static ProcessResult TryRender(IEnumerable<string> valueFiles, bool notes = false, string release = "cctvmask", string ns = "video")
    {
        var args = new List<string> { "-name", release, "-namespace", ns };
        if (notes) args.Add("-notes");
        foreach (var file in valueFiles)
        {
            args.Add("-f");
            args.Add(file);
        }
        args.Add(ChartDir);
        return ProcessRunner.Run(Binary.Value, args, timeout: TimeSpan.FromSeconds(60));
    }

    /// <summary>Renders the chart and returns the manifests; rendering errors fail the test with the renderer's message.</summary>
    public static string Render(params string[] valueFiles)
    {
        var result = TryRender(valueFiles);
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"helm-render failed ({result.ExitCode}): {result.StandardError}");
        return result.StandardOutput;
    }

    /// <summary>Writes a values override into a temporary file.</summary>
    public static string WriteValues(string yaml)
    {
        var dir = Path.Combine(Path.GetTempPath(), "cctvmask-deployment-tests", "values");
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, $"{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    private static string Build()
    {
        var source = Path.Combine(TestEnvironment.RepoRoot, "infra", "helm-render");
        var go = FindGo() ?? throw new InvalidOperationException(
            "Go is not installed: the Helm chart tests build infra/helm-render with it. " +
            $"Install it with `apt-get install {AptPackages}` (infra/scripts/setup.sh does).");

        // Rebuilt whenever a source file changes.
        var sources = Directory.GetFiles(source, "*.go").Order(StringComparer.Ordinal).SelectMany(File.ReadAllBytes).ToArray();
        var hash = Convert.ToHexString(SHA256.HashData(sources))[..16].ToLowerInvariant();
        var work = Path.Combine(Path.GetTempPath(), "cctvmask-deployment-tests");
        var binary = Path.Combine(work, $"helm-render-{hash}");
        if (File.Exists(binary))
            return binary;
        Directory.CreateDirectory(work);
        var temp = binary + $".{Environment.ProcessId}.tmp";
        var env = new Dictionary<string, string?>
        {
            ["GO111MODULE"] = "off",
            ["GOPATH"] = DebianGoPath,
            ["GOCACHE"] = Path.Combine(work, "gocache"),
            ["GOFLAGS"] = "",
            ["CGO_ENABLED"] = "0",
        };
        // GOPATH mode builds a directory only by a relative path.
        var result = ProcessRunner.Run(go, ["build", "-o", temp, "./infra/helm-render"], env,
            workingDirectory: TestEnvironment.RepoRoot, timeout: TimeSpan.FromMinutes(3));
        if (result.ExitCode != 0)
            throw new InvalidOperationException(
                $"go build of {source} failed (its packages come from `apt-get install {AptPackages}`, as infra/scripts/setup.sh does): {result.StandardError}");
        File.Move(temp, binary, overwrite: true);
        return binary;
    }

    private static string? FindGo()
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        var candidates = path.Split(':', StringSplitOptions.RemoveEmptyEntries).Select(dir => Path.Combine(dir, "go"))
            .Append("/usr/lib/go/bin/go").Append("/usr/lib/go-1.19/bin/go");
        return candidates.FirstOrDefault(File.Exists);
    }
}
