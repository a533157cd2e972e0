using System.Text.RegularExpressions;
using CctvMask.Testing;
using CctvMask.Vision.Models;

namespace CctvMask.Deployment.Tests.Docker;

/// <summary>
/// What can be checked of infra/docker/Dockerfile without a Docker engine: its inputs exist, every
/// project is restored, the runtime stage is non-root with a health check, and only our own model
/// goes into the image. (The publish commands themselves were run by hand; see README "Deploy".)
/// </summary>
public sealed class DockerfileTests
{
    private static readonly string Root = TestEnvironment.RepoRoot;
    private static readonly string Dockerfile = File.ReadAllText(Path.Combine(Root, "infra", "docker", "Dockerfile"));

    private static IEnumerable<string[]> CopyInstructions =>
        JoinContinuations(Dockerfile)
            .Where(l => l.StartsWith("COPY ", StringComparison.Ordinal) && !l.Contains("--from=", StringComparison.Ordinal))
            .Select(l => l["COPY ".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(t => !t.StartsWith("--", StringComparison.Ordinal)).ToArray());

    [Fact]
    public void Every_copied_path_exists_in_the_repository()
    {
        // artifacts/publish/ is the host's publish output for PUBLISHED=context builds (made by
        // infra/podman/build-images.sh before the build), never committed.
        var sources = CopyInstructions.SelectMany(parts => parts[..^1])
            .Where(s => !s.StartsWith("artifacts/publish/", StringComparison.Ordinal)).ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(File.Exists(Path.Combine(Root, s)) || Directory.Exists(Path.Combine(Root, s)), $"COPY {s}: not in the repository"));
    }

    [Fact]
    public void Every_source_project_is_copied_before_the_restore()
    {
        var beforeRestore = Dockerfile[..Dockerfile.IndexOf("RUN dotnet restore", StringComparison.Ordinal)];
        var projects = Directory.GetFiles(Path.Combine(Root, "src"), "*.csproj", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Root, p).Replace('\\', '/'));

        Assert.All(projects, p => Assert.Contains($"COPY {p} ", beforeRestore, StringComparison.Ordinal));
        foreach (var file in new[] { "Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props" })
            Assert.Contains(file, beforeRestore, StringComparison.Ordinal);
    }

    [Fact]
    public void The_runtime_stage_is_non_root_healthchecked_and_finds_its_models()
    {
        var runtime = Dockerfile[Dockerfile.LastIndexOf("FROM ", StringComparison.Ordinal)..];

        Assert.Matches(@"(?m)^USER \$APP_UID$", runtime);
        Assert.Matches(@"HEALTHCHECK [^\n]*\\\n\s+CMD curl [^\n]*/healthz", runtime);
        Assert.Contains($"{ModelLocator.EnvironmentVariable}=/models", runtime, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"/app/server/CctvMask.Server.dll\"]", runtime, StringComparison.Ordinal);
        Assert.Contains("ffmpeg", runtime, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_projects_own_models_enter_the_image()
    {
        var ignore = File.ReadAllLines(Path.Combine(Root, ".dockerignore"));
        var copiedModels = CopyInstructions.SelectMany(parts => parts[..^1]).Where(s => s.EndsWith(".onnx", StringComparison.Ordinal)).ToList();

        Assert.Contains("**/*.onnx", ignore);
        Assert.Contains($"!models/{ModelLocator.Classifier}", ignore);
        Assert.Contains($"!models/{ModelLocator.ProjectDetector}", ignore);
        Assert.Equal([$"models/{ModelLocator.Classifier}", $"models/{ModelLocator.ProjectDetector}"], copiedModels);
        // The published detectors come from the manifest at run time; the default is the project's own.
        var manifest = File.ReadAllText(Path.Combine(Root, "models", "manifest.json"));
        Assert.Contains($"\"file\": \"{ModelLocator.DefaultDetector}\"", manifest, StringComparison.Ordinal);
    }

    [Fact]
    public void The_model_script_copies_the_bundled_classifier_then_pulls_and_verifies()
    {
        var script = File.ReadAllText(Path.Combine(Root, "infra", "docker", "pull-models.sh"));

        Assert.StartsWith("#!/bin/sh", script, StringComparison.Ordinal);
        Assert.Contains($"/{ModelLocator.Classifier}", script, StringComparison.Ordinal);
        Assert.Contains($"/{ModelLocator.ProjectDetector}", script, StringComparison.Ordinal);
        Assert.Contains("/app/models", script, StringComparison.Ordinal);
        Assert.Contains("${" + ModelLocator.EnvironmentVariable, script, StringComparison.Ordinal);
        Assert.True(script.IndexOf("models pull", StringComparison.Ordinal) < script.IndexOf("models verify", StringComparison.Ordinal));
        Assert.Matches(LineOf("set -eu"), script);
    }

    private static IEnumerable<string> JoinContinuations(string text) =>
        text.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n').Select(l => l.Trim());

    private static Regex LineOf(string line) => new($"(?m)^{Regex.Escape(line)}$");
}
