using CctvMask.Server.Tests.Infrastructure;
using CctvMask.Testing;

namespace CctvMask.Server.Tests.EndToEnd;

/// <summary>A private RTSP simulator instance (infra/rtsp-simulator) on its own port that a test can stop and restart.</summary>
public sealed class RtspSimulator : IDisposable
{
    private readonly string _mount;
    private readonly string _clip;
    private ChildProcess? _process;

    public RtspSimulator(string mount, string clip)
    {
        _mount = mount;
        _clip = clip;
        Port = FreePort.Next();
    }

    public int Port { get; }

    public string Url => $"rtsp://127.0.0.1:{Port}/{_mount}";

    public async Task StartAsync()
    {
        _process?.Dispose();
        _process = new ChildProcess("/usr/bin/python3",
            [Path.Combine(TestEnvironment.RepoRoot, "infra", "rtsp-simulator", "rtsp_simulator.py"),
             "--port", Port.ToString(), "--clip", $"{_mount}={_clip}", "--scratch", "/tmp/cctvmask-ci/rtsp"],
            new Dictionary<string, string>());
        if (!await _process.WaitForOutputAsync("ready on", TimeSpan.FromSeconds(90)))
            throw new InvalidOperationException($"RTSP simulator did not start:\n{_process.Output}");
    }

    public void Stop()
    {
        _process?.Dispose();
        _process = null;
    }

    public void Dispose() => Stop();
}
