using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using CctvMask.Cli.Models;

namespace CctvMask.Cli.Tests.Models;

public sealed class ModelsCommandTests
{
    private static readonly byte[] Payload = RandomNumberGenerator.GetBytes(4096);
    private static readonly string PayloadSha = Convert.ToHexStringLower(SHA256.HashData(Payload));

    [Fact]
    public async Task Verify_AllPresent_Succeeds()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("a.onnx"), Payload);
        var manifest = WriteManifest(dir, ("a", "a.onnx", PayloadSha, null, false));

        var run = await CliRun.RunAsync("models", "verify", "--models", dir.Path, "--manifest", manifest);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
        Assert.Contains("a.onnx", run.Out);
    }

    [Fact]
    public async Task Verify_NamesMissingAndMismatchedFiles()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("bad.onnx"), [1, 2, 3]);
        var manifest = WriteManifest(dir,
            ("missing", "missing.onnx", PayloadSha, null, false),
            ("bad", "bad.onnx", PayloadSha, null, false),
            ("extra", "extra.onnx", PayloadSha, null, true));

        var run = await CliRun.RunAsync("models", "verify", "--models", dir.Path, "--manifest", manifest);

        var line = run.AssertSingleError("missing.onnx: missing", "bad.onnx: sha256 mismatch", PayloadSha);
        Assert.DoesNotContain("extra.onnx", line); // optional: reported in the table, not a failure
    }

    [Fact]
    public async Task Pull_DownloadsVerifiesAndInstalls()
    {
        using var dir = new TempDir();
        using var server = new LocalHttpServer(Payload);
        var manifest = WriteManifest(dir, ("a", "a.onnx", PayloadSha, server.Url + "a.onnx", false));
        var models = Path.Combine(dir.Path, "models");

        var run = await CliRun.RunAsync("models", "pull", "--models", models, "--manifest", manifest);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(Payload, File.ReadAllBytes(Path.Combine(models, "a.onnx")));
        Assert.Equal(["a.onnx"], Directory.GetFiles(models).Select(Path.GetFileName)); // no temp file left
        var verify = await CliRun.RunAsync("models", "verify", "--models", models, "--manifest", manifest);
        Assert.Equal(0, verify.ExitCode);
    }

    [Fact]
    public async Task Pull_ChecksumMismatch_InstallsNothing()
    {
        using var dir = new TempDir();
        using var server = new LocalHttpServer(Payload);
        var wrong = new string('0', 64);
        var manifest = WriteManifest(dir, ("a", "a.onnx", wrong, server.Url + "a.onnx", false));

        var run = await CliRun.RunAsync("models", "pull", "--models", dir.Path, "--manifest", manifest);

        run.AssertSingleError("a.onnx", PayloadSha, "expected " + wrong);
        Assert.Equal(["manifest.json"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Pull_UnreachableServer_IsOneLine()
    {
        using var dir = new TempDir();
        var url = $"http://127.0.0.1:{FreePort()}/a.onnx";
        var manifest = WriteManifest(dir, ("a", "a.onnx", PayloadSha, url, false));

        var run = await CliRun.RunAsync("models", "pull", "--models", dir.Path, "--manifest", manifest, "--timeout", "5");

        run.AssertSingleError("a.onnx", "download from " + url + " failed");
    }

    [Fact]
    public async Task Hash_Update_FillsMissingSha()
    {
        using var dir = new TempDir();
        File.WriteAllBytes(dir.File("own.onnx"), Payload);
        var manifest = WriteManifest(dir, ("own", "own.onnx", null, null, false));

        var run = await CliRun.RunAsync("models", "hash", "--update", "--models", dir.Path, "--manifest", manifest);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(PayloadSha, run.Out);
        using var doc = JsonDocument.Parse(File.ReadAllText(manifest));
        Assert.Equal(PayloadSha, doc.RootElement.GetProperty("models").GetProperty("own").GetProperty("sha256").GetString());
        Assert.Equal(0, (await CliRun.RunAsync("models", "verify", "--models", dir.Path, "--manifest", manifest)).ExitCode);
    }

    [Fact]
    public async Task BuiltInManifest_ListsTheDetectorsWithUpstreamUrls()
    {
        using var dir = new TempDir();
        var run = await CliRun.RunAsync("models", "verify", "--models", dir.Path);

        run.AssertSingleError("yunet_n_640_640.onnx: missing", "mask_classifier.onnx: missing");
        Assert.Contains("Apache-2.0", run.Out);
    }

    [Fact]
    public void BuiltInManifest_MarksOneDefaultPerRole_TheDetectorBeingTheLocatorsDefault()
    {
        using var dir = new TempDir();
        var manifest = ManifestStore.Load(null, dir.Path).Manifest;

        var defaults = manifest.Models.Values.Where(m => m.Default).ToList();
        Assert.Equal(defaults.Count, defaults.Select(m => m.Role).Distinct().Count());
        Assert.Equal(CctvMask.Vision.Models.ModelLocator.DefaultDetector, Assert.Single(defaults, m => m.Role == "face-detector").File);
        Assert.Equal(CctvMask.Vision.Models.ModelLocator.Classifier, Assert.Single(defaults, m => m.Role == "mask-classifier").File);
    }

    private static string WriteManifest(TempDir dir, params (string Name, string File, string? Sha, string? Url, bool Optional)[] models)
    {
        var doc = new Dictionary<string, object>
        {
            ["version"] = 1,
            ["models"] = models.ToDictionary(m => m.Name, m => (object)new Dictionary<string, object?>
            {
                ["file"] = m.File,
                ["url"] = m.Url,
                ["sha256"] = m.Sha,
                ["licence"] = "test",
                ["optional"] = m.Optional,
            }),
        };
        var path = dir.File("manifest.json");
        File.WriteAllText(path, JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
