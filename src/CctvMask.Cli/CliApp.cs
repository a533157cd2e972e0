using System.CommandLine;
using CctvMask.Cli.Bench;
using CctvMask.Cli.Common;
using CctvMask.Cli.Detect;
using CctvMask.Cli.Eval;
using CctvMask.Cli.Models;
using CctvMask.Cli.Training;

namespace CctvMask.Cli;

/// <summary>
/// The <c>cctvmask</c> command tree and its one entry point. Errors become ONE line on stderr
/// (<c>cctvmask: error: …</c>) and a non-zero exit code; <c>--verbose</c> adds the stack trace.
/// </summary>
public static class CliApp
{
    /// <summary>Builds the command tree for a console.</summary>
    public static RootCommand Build(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("CctvMask: face detection + mask classification for images, videos and RTSP cameras.");
        root.Options.Add(context.Globals.Verbose);
        root.Options.Add(context.Globals.Models);

        Command[] commands =
        [
            DetectCommand.Create(context),
            EvalCommand.Create(context),
            BenchCommand.Create(context),
            ModelsCommand.Create(context),
            TrainCommand.Create(context),
            TrainDetectorCommand.Create(context),
            SynthCommand.Create(context),
        ];
        foreach (var command in commands)
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>Parses and runs <paramref name="args"/>; returns the exit code (0 ok, 1 error, 2 usage).</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error,
        CancellationToken cancellationToken = default)
    {
        var context = new CliContext(output, error);
        var root = Build(context);
        var parse = root.Parse(args);
        bool verbose = parse.GetValue(context.Globals.Verbose);
        if (parse.Errors.Count > 0)
        {
            ErrorReport.WriteUsage(error, string.Join("; ", parse.Errors.Select(e => e.Message)));
            return ExitCodes.Usage;
        }
        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return await parse.InvokeAsync(config, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            ErrorReport.Write(error, ex, verbose);
            return ExitCodes.Error;
        }
    }
}
