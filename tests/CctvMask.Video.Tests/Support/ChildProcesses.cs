using System.Globalization;

namespace CctvMask.Video.Tests.Support;

/// <summary>Child processes of the test host, read from /proc (Linux), to prove ffmpeg is gone and not a zombie.</summary>
internal static class ChildProcesses
{
    /// <summary>(pid, command, state) of the test host's direct children named <paramref name="command"/>.</summary>
    public static IReadOnlyList<(int Pid, string Command, char State)> Named(string command)
    {
        var self = Environment.ProcessId;
        var result = new List<(int, string, char)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)) continue;
            string stat;
            try { stat = File.ReadAllText(Path.Combine(dir, "stat")); }
            catch (IOException) { continue; }
            catch (UnauthorizedAccessException) { continue; }
            // "pid (comm) S ppid ..." — comm may hold spaces, so split after the last ')'.
            var open = stat.IndexOf('(');
            var close = stat.LastIndexOf(')');
            if (open < 0 || close < open) continue;
            var comm = stat[(open + 1)..close];
            var rest = stat[(close + 2)..].Split(' ');
            if (rest.Length < 2 || !int.TryParse(rest[1], NumberStyles.None, CultureInfo.InvariantCulture, out var ppid)) continue;
            if (ppid == self && comm == command) result.Add((pid, comm, rest[0][0]));
        }
        return result;
    }

    /// <summary>Waits (bounded) until no such child remains; returns what is left.</summary>
    public static async Task<IReadOnlyList<(int Pid, string Command, char State)>> WaitGoneAsync(string command, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = Named(command);
            if (left.Count == 0 || DateTime.UtcNow > until) return left;
            await Task.Delay(50);
        }
    }
}
