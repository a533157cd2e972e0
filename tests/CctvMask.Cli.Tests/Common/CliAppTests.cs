namespace CctvMask.Cli.Tests.Common;

public sealed class CliAppTests
{
    [Fact]
    public async Task UnknownCommand_IsOneUsageLine()
    {
        var run = await CliRun.RunAsync("frobnicate");
        Assert.Equal(2, run.ExitCode);
        run.AssertSingleError("frobnicate");
    }

    [Fact]
    public async Task Help_ListsCommands()
    {
        var run = await CliRun.RunAsync("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var name in new[] { "detect", "eval", "bench", "models" })
            Assert.Contains(name, run.Out);
    }

    [Fact]
    public async Task Verbose_AddsStackTrace()
    {
        using var dir = new TempDir();
        var run = await CliRun.RunAsync("models", "verify", "--models", dir.Path, "--manifest", dir.File("none.json"), "--verbose");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("cctvmask: error: ", run.ErrLines[0]);
        Assert.True(run.ErrLines.Length > 1);
        Assert.Contains(run.ErrLines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }
}
