using CctvMask.Video.Ffmpeg;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Evaluation;
using CctvMask.Vision.Imaging;

namespace CctvMask.Cli.Common;

/// <summary>Turns an exception into the CLI's one error line (plus the stack trace with --verbose).</summary>
public static class ErrorReport
{
    /// <summary>The prefix of every error line.</summary>
    public const string Prefix = "cctvmask: error: ";

    /// <summary>Writes the error line for <paramref name="exception"/>.</summary>
    public static void Write(TextWriter error, Exception exception, bool verbose)
    {
        error.WriteLine(Prefix + OneLine(Describe(exception)));
        if (verbose)
            error.WriteLine(exception.ToString());
        error.Flush();
    }

    /// <summary>Writes a usage error line.</summary>
    public static void WriteUsage(TextWriter error, string message)
    {
        error.WriteLine(Prefix + OneLine(message) + " (see --help)");
        error.Flush();
    }

    /// <summary>The message for an exception: expected failures as they are, others with their type.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        AggregateException { InnerExceptions.Count: 1 } agg => Describe(agg.InnerExceptions[0]),
        CliException or ImageDecodeException or ModelLoadException or VocFormatException or VideoSourceException
            => exception.Message,
        FileNotFoundException or DirectoryNotFoundException or UnauthorizedAccessException or IOException
            => exception.Message,
        OperationCanceledException => "cancelled",
        _ => $"{exception.GetType().Name}: {exception.Message}",
    };

    private static string OneLine(string text) =>
        string.Join("; ", text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
