using System.Diagnostics;
using System.Net.Sockets;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// A private Debian <c>mosquitto</c> on a free loopback port, for tests that stop and restart the broker
/// (the shared one of CCTVMASK_TEST_MQTT must stay up for everybody).
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private readonly string _config;
    private Process? _process;

    public MosquittoBroker()
    {
        if (!File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: apt-get install mosquitto (infra/scripts/setup.sh does).");
        Port = Infrastructure.FreePort.Next();
        _config = Path.Combine(Path.GetTempPath(), $"cctvmask-mosquitto-{Guid.NewGuid():N}.conf");
        File.WriteAllText(_config, $"listener {Port} 127.0.0.1\nallow_anonymous true\npersistence false\n");
    }

    public int Port { get; }

    public async Task StartAsync()
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(_config);
        _process = Process.Start(start) ?? throw new InvalidOperationException("mosquitto did not start");
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        await Eventually.TrueAsync(() => Task.FromResult(Accepts()), TimeSpan.FromSeconds(20), "mosquitto to listen");
    }

    public void Stop()
    {
        if (_process is null) return;
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit();
        }
        _process.Dispose();
        _process = null;
    }

    public void Dispose()
    {
        Stop();
        File.Delete(_config);
    }

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
