namespace CctvMask.Cli.Tests;

/// <summary>Runs the CLI in-process with captured stdout/stderr.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Err)
{
    public static async Task<CliRun> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = await CliApp.RunAsync(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Lines written to stderr.</summary>
    public string[] ErrLines => Err.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Asserts a failure with exactly one error line containing every fragment; returns the line.</summary>
    public string AssertSingleError(params string[] fragments)
    {
        Assert.NotEqual(0, ExitCode);
        var line = Assert.Single(ErrLines);
        Assert.StartsWith("cctvmask: error: ", line);
        foreach (var fragment in fragments)
            Assert.Contains(fragment, line);
        Assert.DoesNotContain(" at ", line); // no stack trace
        return line;
    }
}
