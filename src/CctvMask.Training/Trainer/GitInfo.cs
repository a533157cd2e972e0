using System.Diagnostics;

namespace CctvMask.Training.Trainer;

/// <summary>The git commit of the working tree, for the model's provenance ("unknown" outside a checkout).</summary>
public static class GitInfo
{
    public static string CurrentCommit(string? directory = null)
    {
        try
        {
            var psi = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("rev-parse");
            psi.ArgumentList.Add("HEAD");
            if (directory is not null) psi.WorkingDirectory = directory;
            using var p = Process.Start(psi);
            if (p is null) return "unknown";
            var output = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit(5000);
            return p.ExitCode == 0 && output.Length > 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
