using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CctvMask.Testing;

namespace CctvMask.Video.Tests.Support;

/// <summary>A private RTSP simulator (infra/rtsp-simulator) on its own port, which a test can kill and restart.</summary>
internal sealed class RtspSimulatorProcess : IDisposable
{
    private Process? _process;

    public RtspSimulatorProcess(string mount, string clip, int? port = null)
    {
        Mount = mount;
        Clip = clip;
        Port = port ?? FreePort();
    }

    public string Mount { get; }

    public string Clip { get; }

    public int Port { get; }

    public string Url => $"rtsp://127.0.0.1:{Port}/{Mount}";

    /// <summary>Starts it and waits for its "ready" line (the first start may prepare the looped clip).</summary>
    public async Task StartAsync(TimeSpan timeout)
    {
        var script = Path.Combine(TestEnvironment.RepoRoot, "infra", "rtsp-simulator", "rtsp_simulator.py");
        var scratch = Path.Combine(Environment.GetEnvironmentVariable("CCTVMASK_WORK") ?? "/tmp/cctvmask-ci", "rtsp");
        var psi = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { script, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--clip", $"{Mount}={Clip}", "--scratch", scratch })
            psi.ArgumentList.Add(a);
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the RTSP simulator");
        _process = process;
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
                if (line.Contains("ready", StringComparison.Ordinal)) return;
        }
        catch (OperationCanceledException)
        {
        }
        Stop();
        throw new InvalidOperationException($"RTSP simulator on port {Port} did not become ready: {await stderr}");
    }

    /// <summary>Kills it (like a camera losing power).</summary>
    public void Stop()
    {
        if (_process is null) return;
        try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _process.WaitForExit(5000);
        _process.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
