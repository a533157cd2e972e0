using System.Diagnostics;
using System.Net.Sockets;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>
/// A private Debian <c>mosquitto</c> on a free loopback port, for tests that stop and restart the broker
/// (the shared one of CCTVMASK_TEST_MQTT must stay up for everybody), or that need TLS and a password:
/// <see cref="Secured"/> gives a TLS listener (certificate from a throwaway CA, <see cref="CaCertificateFile"/>)
/// that refuses anonymous clients and accepts only <paramref name="username"/>/<paramref name="password"/>.
/// </summary>
public sealed class MosquittoBroker : IDisposable
{
    private const string Executable = "/usr/sbin/mosquitto";
    private const string PasswdTool = "/usr/bin/mosquitto_passwd";
    // mosquitto started as root drops to its own user: it must be able to read the folder.
    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private readonly string _directory;
    private readonly string _config;
    private Process? _process;

    private MosquittoBroker(string? username, string? password)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Executable))
            throw new InvalidOperationException($"{Executable} is missing: apt-get install mosquitto (infra/scripts/setup.sh does).");
        Port = Infrastructure.FreePort.Next();
        _directory = Path.Combine(Path.GetTempPath(), $"cctvmask-mosquitto-{Guid.NewGuid():N}");
        Directory.CreateDirectory(_directory, Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        _config = Path.Combine(_directory, "mosquitto.conf");
        var lines = new List<string> { $"listener {Port} 127.0.0.1", "persistence false" };
        if (username is null) lines.Add("allow_anonymous true");
        else
        {
            CaCertificateFile = BrokerCertificates.Write(_directory);
            var passwd = Path.Combine(_directory, "passwd");
            Run(PasswdTool, "-b", "-c", passwd, username, password!);
            lines.AddRange(["allow_anonymous false", $"password_file {passwd}", $"cafile {CaCertificateFile}",
                $"certfile {Path.Combine(_directory, "server.crt")}", $"keyfile {Path.Combine(_directory, "server.key")}"]);
        }
        File.WriteAllLines(_config, lines);
        foreach (var file in Directory.GetFiles(_directory))
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, Readable);
    }

    /// <summary>Plain MQTT, anonymous clients welcome.</summary>
    public static MosquittoBroker Plain() => new(null, null);

    /// <summary>TLS only, this one user only.</summary>
    public static MosquittoBroker Secured(string username, string password) => new(username, password);

    public int Port { get; }

    /// <summary>The CA that signed the broker's certificate (secured brokers), else null.</summary>
    public string? CaCertificateFile { get; }

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
        Directory.Delete(_directory, recursive: true);
    }

    private static void Run(string tool, params string[] args)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{tool} failed ({process.ExitCode}): {error}");
    }

    private bool Accepts()
    {
        if (_process is { HasExited: true }) throw new InvalidOperationException($"mosquitto exited with {_process.ExitCode}");
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
