using System.IO.Pipes;
using System.Runtime.InteropServices;

namespace CctvMask.Video.Ffmpeg;

/// <summary>
/// Enlarges a Linux pipe (F_SETPIPE_SZ). ffmpeg writes each raw frame in one write; with the default
/// 64 KiB pipe a 640x360 frame takes 11 reader/writer round trips (and 11 async reads), with 1 MiB
/// it takes one (see bench/CctvMask.Benchmarks/Video). Best effort: elsewhere it does nothing.
/// </summary>
public static partial class PipeCapacity
{
    private const int FSetPipeSize = 1031; // F_SETPIPE_SZ (F_LINUX_SPECIFIC_BASE + 7)
    private const int FGetPipeSize = 1032; // F_GETPIPE_SZ

    /// <summary>The default unprivileged maximum (/proc/sys/fs/pipe-max-size).</summary>
    public const int DefaultMaxBytes = 1024 * 1024;

    /// <summary>
    /// Asks for a pipe of at least <paramref name="bytes"/> (capped at <paramref name="maxBytes"/>);
    /// returns the new capacity, or 0 when the stream is not a pipe, the OS is not Linux, or the kernel refused.
    /// </summary>
    public static int TrySet(Stream stream, int bytes, int maxBytes = DefaultMaxBytes)
    {
        if (bytes <= 0) return 0;
        var wanted = (int)Math.Min((uint)maxBytes, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)bytes));
        return Call(stream, FSetPipeSize, wanted);
    }

    /// <summary>The pipe's capacity in bytes, or 0 when unknown (not a pipe, not Linux).</summary>
    public static int Get(Stream stream) => Call(stream, FGetPipeSize, 0);

    private static int Call(Stream stream, int command, int argument)
    {
        if (!OperatingSystem.IsLinux() || stream is not PipeStream pipe) return 0;
        var handle = pipe.SafePipeHandle;
        var added = false;
        try
        {
            handle.DangerousAddRef(ref added);
            var result = Fcntl((int)handle.DangerousGetHandle(), command, argument);
            return result > 0 ? result : 0;
        }
        catch (Exception e) when (e is ObjectDisposedException or EntryPointNotFoundException or DllNotFoundException)
        {
            return 0;
        }
        finally
        {
            if (added) handle.DangerousRelease();
        }
    }

    // fcntl is variadic in C; on x86-64/arm64 Linux an int third argument is passed like a fixed one.
    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int cmd, int arg);
}
