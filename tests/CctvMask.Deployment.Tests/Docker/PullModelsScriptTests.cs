using CctvMask.Deployment.Tests.Rendering;
using CctvMask.Testing;
using CctvMask.Vision.Models;

namespace CctvMask.Deployment.Tests.Docker;

/// <summary>
/// infra/docker/pull-models.sh (the compose `models` service and the Helm init container) run with
/// the repository's models as the bundled folder and a stand-in `cctvmask` that records its calls.
/// </summary>
public sealed class PullModelsScriptTests
{
    private static readonly string Script = Path.Combine(TestEnvironment.RepoRoot, "infra", "docker", "pull-models.sh");

    [Fact]
    public void It_copies_the_bundled_classifier_then_pulls_with_the_arguments_then_verifies()
    {
        var (result, dest, calls) = Run(["--all"], failPull: false);
        try
        {
            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal(new FileInfo(Path.Combine(TestEnvironment.RepoRoot, "models", ModelLocator.Classifier)).Length,
                new FileInfo(Path.Combine(dest, ModelLocator.Classifier)).Length);
            Assert.True(File.Exists(Path.Combine(dest, "manifest.json")));
            Assert.Equal(["models pull --all", "models verify"], calls);
        }
        finally
        {
            // The copied classifier is ~9 MB: do not leave one per run in /tmp.
            Directory.Delete(Path.GetDirectoryName(dest)!, recursive: true);
        }
    }

    [Fact]
    public void A_failed_download_fails_the_script_before_verify()
    {
        var (result, dest, calls) = Run([], failPull: true);
        Directory.Delete(Path.GetDirectoryName(dest)!, recursive: true);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Equal(["models pull"], calls);
    }

    private static (ProcessResult Result, string Dest, string[] Calls) Run(string[] args, bool failPull)
    {
        var work = Path.Combine(Path.GetTempPath(), "cctvmask-deployment-tests", $"pull-{Guid.NewGuid():N}");
        var bin = Path.Combine(work, "bin");
        var dest = Path.Combine(work, "models");
        var log = Path.Combine(work, "calls.log");
        Directory.CreateDirectory(bin);
        var stub = Path.Combine(bin, "cctvmask");
        File.WriteAllText(stub,
            $"#!/bin/sh\necho \"$*\" >> '{log}'\n" + (failPull ? "[ \"$2\" = pull ] && exit 3\n" : "") + "exit 0\n");
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var result = ProcessRunner.Run("/bin/sh", [Script, .. args], new Dictionary<string, string?>
        {
            ["PATH"] = $"{bin}:/usr/bin:/bin",
            [ModelLocator.EnvironmentVariable] = dest,
            ["CCTVMASK_BUNDLED_MODELS"] = Path.Combine(TestEnvironment.RepoRoot, "models"),
        }, timeout: TimeSpan.FromSeconds(60));
        var calls = File.Exists(log) ? File.ReadAllLines(log) : [];
        return (result, dest, calls);
    }
}
