using CctvMask.Deployment.Tests.Rendering;
using CctvMask.Testing;

namespace CctvMask.Deployment.Tests.Compose;

/// <summary>
/// docker-compose (1.29, Debian's, needs no Docker engine for <c>config</c>) validates the file
/// against the Compose schema and interpolates it: a misspelled Compose key fails here.
/// </summary>
public sealed class ComposeConfigTests
{
    [Fact]
    public void Docker_compose_accepts_the_file()
    {
        var result = Config(adminKey: "0123456789abcdef0123");

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("server-2:", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("condition: service_completed_successfully", result.StandardOutput, StringComparison.Ordinal);
        Assert.Contains("Auth__AdminKey: 0123456789abcdef0123", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_an_admin_key_compose_refuses_to_start_and_says_why()
    {
        var result = Config(adminKey: null);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("set CCTVMASK_ADMIN_KEY", result.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelled_compose_key_is_rejected()
    {
        var copy = Path.Combine(Path.GetTempPath(), "cctvmask-deployment-tests", $"compose-{Guid.NewGuid():N}", "docker-compose.yml");
        Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
        var text = File.ReadAllText(ComposeFile.PathInRepo);
        var typo = text.Replace("\n    restart: unless-stopped", "\n    restrat: unless-stopped", StringComparison.Ordinal);
        Assert.NotEqual(text, typo);
        File.WriteAllText(copy, typo);

        var result = Config(adminKey: "0123456789abcdef0123", file: copy);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("restrat", result.StandardError, StringComparison.Ordinal);
    }

    private static ProcessResult Config(string? adminKey, string? file = null)
    {
        var compose = new[] { "/usr/bin/docker-compose", "/usr/local/bin/docker-compose" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "docker-compose is not installed: `apt-get install --no-install-recommends docker-compose` (infra/scripts/setup.sh does); " +
                "`docker-compose config` validates docker-compose.yml without a Docker engine.");
        // An empty env file: a developer's .env must not change the result.
        var envFile = Path.Combine(Path.GetTempPath(), "cctvmask-deployment-tests", "empty.env");
        Directory.CreateDirectory(Path.GetDirectoryName(envFile)!);
        File.WriteAllText(envFile, "");
        return ProcessRunner.Run(compose, ["--env-file", envFile, "-f", file ?? ComposeFile.PathInRepo, "config"],
            new Dictionary<string, string?> { ["CCTVMASK_ADMIN_KEY"] = adminKey, ["DOCKER_HOST"] = null },
            workingDirectory: TestEnvironment.RepoRoot, timeout: TimeSpan.FromSeconds(60));
    }
}
