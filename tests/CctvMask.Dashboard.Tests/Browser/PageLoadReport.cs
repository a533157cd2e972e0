using Xunit.Abstractions;

namespace CctvMask.Dashboard.Tests.Browser;

/// <summary>Measured figures (never asserted) go to the test output and to a text file beside the screenshots.</summary>
public static class PageLoadReport
{
    public static string FilePath => Path.Combine(DashboardFixture.ScreenshotDirectory, "page-load-times.txt");

    public static async Task AppendAsync(ITestOutputHelper output, IEnumerable<string> lines)
    {
        var stamped = lines.Select(l => $"{DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC  {l}").ToArray();
        foreach (var line in stamped) output.WriteLine(line);
        Directory.CreateDirectory(DashboardFixture.ScreenshotDirectory);
        await File.AppendAllLinesAsync(FilePath, stamped);
    }
}
