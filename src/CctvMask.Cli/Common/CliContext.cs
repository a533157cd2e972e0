using CctvMask.Vision.Detection;
using Microsoft.Extensions.Logging;
using Spectre.Console;

namespace CctvMask.Cli.Common;

/// <summary>Where a command writes (stdout / stderr), the Spectre console for tables, and the global options.</summary>
public sealed class CliContext
{
    /// <summary>Width of tables when the output is not a terminal.</summary>
    private const int RedirectedWidth = 120;

    /// <summary>Creates a context over two writers.</summary>
    public CliContext(TextWriter output, TextWriter error)
    {
        Out = output;
        Err = error;
        bool isTerminal = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = isTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = isTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = isTerminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!isTerminal)
            Console.Profile.Width = RedirectedWidth;
        DetectorLogger = new StderrLogger<TwoPhaseDetector>(error);
        ShowProgress = ReferenceEquals(error, System.Console.Error) && !System.Console.IsErrorRedirected;
        ProgressConsole = ShowProgress
            ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error) })
            : Console;
    }

    /// <summary>Standard output (results, JSON).</summary>
    public TextWriter Out { get; }

    /// <summary>Standard error (errors, progress).</summary>
    public TextWriter Err { get; }

    /// <summary>Spectre console writing to <see cref="Out"/> (tables).</summary>
    public IAnsiConsole Console { get; }

    /// <summary>True when stderr is a terminal: progress bars are shown there.</summary>
    public bool ShowProgress { get; }

    /// <summary>Spectre console on stderr for progress (only used when <see cref="ShowProgress"/>).</summary>
    public IAnsiConsole ProgressConsole { get; }

    /// <summary>Logger for the detector: its warnings (CUDA fallback) reach stderr.</summary>
    public ILogger<TwoPhaseDetector> DetectorLogger { get; }

    /// <summary>The global options.</summary>
    public GlobalOptions Globals { get; } = new();
}
