using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;

namespace CctvMask.Benchmarks.Vision;

/// <summary>Finds models and dev images for benchmarks (CCTVMASK_MODELS / CCTVMASK_SHARED, else ../shared).</summary>
internal static class BenchmarkFixtures
{
    public static string SharedDir =>
        Environment.GetEnvironmentVariable("CCTVMASK_SHARED") is { Length: > 0 } s ? s : FindUp("shared");

    public static string Model(string file)
    {
        var inFolder = Path.Combine(ModelLocator.ResolveFolder(), file);
        if (File.Exists(inFolder))
            return inFolder;
        var shared = Path.Combine(SharedDir, "models", "face-detection", file);
        return File.Exists(shared) ? shared : throw new FileNotFoundException($"Model {file} not found (set CCTVMASK_MODELS).", inFolder);
    }

    public static BgrImage DevImage(string name) =>
        ImageCodec.DecodeFile(Path.Combine(SharedDir, "datasets", "face-mask-dev", "images", name + ".jpg"));

    private static string FindUp(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, name);
            if (Directory.Exists(Path.Combine(candidate, "datasets")))
                return candidate;
        }
        return Path.GetFullPath(Path.Combine(Directory.GetCurrentDirectory(), "..", name));
    }
}
