namespace CctvMask.Testing;

/// <summary>
/// Where tests find the real things they need: ../shared fixtures, the model folder, and the
/// services CI starts (PostgreSQL, Redis, the RTSP camera simulator). Everything comes from
/// environment variables with sensible local defaults. In CI (CI=true) a missing dependency is a
/// failure, never a silent skip.
/// </summary>
public static class TestEnvironment
{
    /// <summary>True when running under CI (the CI variable is set to true).</summary>
    public static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The repository root (the folder holding CctvMask.sln).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>../shared beside the repository, or CCTVMASK_SHARED.</summary>
    public static string SharedDir =>
        Environment.GetEnvironmentVariable("CCTVMASK_SHARED") is { Length: > 0 } s
            ? s
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared"));

    /// <summary>The assembled model folder: CCTVMASK_MODELS, else ./models in the repository.</summary>
    public static string ModelsDir =>
        Environment.GetEnvironmentVariable("CCTVMASK_MODELS") is { Length: > 0 } s
            ? s
            : Path.Combine(RepoRoot, "models");

    /// <summary>A file under ../shared; fails the test clearly when it is missing.</summary>
    public static string Shared(params string[] parts)
    {
        var path = Path.Combine([SharedDir, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
            throw new FileNotFoundException($"Test fixture missing: {path} (set CCTVMASK_SHARED)");
        return path;
    }

    /// <summary>A model file from the model folder; fails clearly when it is missing.</summary>
    public static string Model(string fileName)
    {
        var path = Path.Combine(ModelsDir, fileName);
        if (!File.Exists(path))
        {
            // Phase-1 detectors live in ../shared/models/face-detection when no folder was assembled.
            var shared = Path.Combine(SharedDir, "models", "face-detection", fileName);
            if (File.Exists(shared)) return shared;
            throw new FileNotFoundException($"Model missing: {path} (set CCTVMASK_MODELS; see infra/scripts/assemble-models.sh)");
        }
        return path;
    }

    /// <summary>PostgreSQL connection string (CCTVMASK_TEST_POSTGRES).</summary>
    public static string? Postgres => Environment.GetEnvironmentVariable("CCTVMASK_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    /// <summary>Redis connection string (CCTVMASK_TEST_REDIS).</summary>
    public static string? Redis => Environment.GetEnvironmentVariable("CCTVMASK_TEST_REDIS") is { Length: > 0 } s ? s : null;

    /// <summary>Base URL of the RTSP camera simulator (CCTVMASK_TEST_RTSP), e.g. rtsp://127.0.0.1:8554.</summary>
    public static string? RtspBase => Environment.GetEnvironmentVariable("CCTVMASK_TEST_RTSP") is { Length: > 0 } s ? s : null;

    /// <summary>host:port of the MQTT broker CI starts (Debian's mosquitto; CCTVMASK_TEST_MQTT), e.g. 127.0.0.1:1883.</summary>
    public static string? Mqtt => Environment.GetEnvironmentVariable("CCTVMASK_TEST_MQTT") is { Length: > 0 } s ? s : null;

    /// <summary>
    /// Returns the value, or throws when it is missing: tests that need a real service never
    /// pass silently without it.
    /// </summary>
    public static string Require(string? value, string variable) =>
        value ?? throw new InvalidOperationException(
            $"{variable} is not set: this test needs the real service. Run it through infra/scripts/test.sh, which starts it.");

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "CctvMask.sln")))
            dir = dir.Parent;
        return dir?.FullName ?? Directory.GetCurrentDirectory();
    }
}
