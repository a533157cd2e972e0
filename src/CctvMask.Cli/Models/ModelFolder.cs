namespace CctvMask.Cli.Models;

/// <summary>The model folder: <c>--models DIR</c>, then <c>CCTVMASK_MODELS</c>, then <c>./models</c>.</summary>
public static class ModelFolder
{
    /// <summary>Environment variable naming the model folder.</summary>
    public const string EnvironmentVariable = "CCTVMASK_MODELS";

    /// <summary>Resolves the folder (absolute path; it may not exist).</summary>
    public static string Resolve(string? explicitDir)
    {
        if (!string.IsNullOrWhiteSpace(explicitDir))
            return Path.GetFullPath(explicitDir);
        if (Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } env)
            return Path.GetFullPath(env);
        return Path.GetFullPath("models");
    }
}
