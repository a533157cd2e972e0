using System.CommandLine;
using CctvMask.Cli.Common;
using CctvMask.Vision.Models;
using Spectre.Console;

namespace CctvMask.Cli.Models;

/// <summary><c>cctvmask models verify | pull | hash</c>.</summary>
public static class ModelsCommand
{
    private const int DefaultTimeoutSeconds = 300;

    /// <summary>Creates the command.</summary>
    public static Command Create(CliContext context)
    {
        var manifestOption = new Option<string?>("--manifest")
        {
            Description = "Manifest file (default: manifest.json in the model folder, else the built-in one).",
            Recursive = true,
        };
        var command = new Command("models", "Check, download and hash the model files listed in models/manifest.json.");
        command.Options.Add(manifestOption);

        var verify = new Command("verify", "Check that every model is present with the right sha256 (non-zero exit otherwise).");
        verify.SetAction((pr, ct) => VerifyAsync(context, pr.GetValue(context.Globals.Models), pr.GetValue(manifestOption), ct));

        var allOption = new Option<bool>("--all") { Description = "Also download optional models." };
        var timeoutOption = new Option<int>("--timeout")
        {
            Description = "Per-download timeout in seconds.",
            DefaultValueFactory = _ => DefaultTimeoutSeconds,
        };
        timeoutOption.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() <= 0)
                r.AddError("--timeout must be positive");
        });
        var pull = new Command("pull", "Download missing or mismatched models from the manifest URLs (sha256 checked before install).");
        pull.Options.Add(allOption);
        pull.Options.Add(timeoutOption);
        pull.SetAction((pr, ct) => PullAsync(context, pr.GetValue(context.Globals.Models), pr.GetValue(manifestOption),
            pr.GetValue(allOption), TimeSpan.FromSeconds(pr.GetValue(timeoutOption)), ct));

        var updateOption = new Option<bool>("--update") { Description = "Write the sha256 of present files into the manifest file (models without a hash, and the project's own models)." };
        var hash = new Command("hash", "Print the sha256 of every model file present.");
        hash.Options.Add(updateOption);
        hash.SetAction((pr, ct) => HashAsync(context, pr.GetValue(context.Globals.Models), pr.GetValue(manifestOption), pr.GetValue(updateOption), ct));

        command.Subcommands.Add(verify);
        command.Subcommands.Add(pull);
        command.Subcommands.Add(hash);
        return command;
    }

    private static async Task<int> VerifyAsync(CliContext context, string? modelsOption, string? manifestPath, CancellationToken ct)
    {
        var dir = ModelLocator.ResolveFolder(modelsOption);
        var loaded = ManifestStore.Load(manifestPath, dir);
        var results = await ModelVerifier.VerifyAsync(loaded.Manifest, dir, ct).ConfigureAwait(false);
        WriteTable(context, dir, loaded, results);
        var failures = results.Where(r => r.IsFailure).Select(r => r.Problem!).ToList();
        if (failures.Count > 0)
            throw new CliException($"{failures.Count} model problem(s): {string.Join("; ", failures)}");
        return ExitCodes.Ok;
    }

    private static async Task<int> PullAsync(CliContext context, string? modelsOption, string? manifestPath, bool all,
        TimeSpan timeout, CancellationToken ct)
    {
        var dir = ModelLocator.ResolveFolder(modelsOption);
        var loaded = ManifestStore.Load(manifestPath, dir);
        using var http = new HttpClient { Timeout = timeout };
        var downloader = new ModelDownloader(http);
        var failures = new List<string>();
        foreach (var (name, entry) in loaded.Manifest.Models)
        {
            var status = await ModelVerifier.CheckAsync(name, entry, dir, ct).ConfigureAwait(false);
            bool wanted = status.Kind is ModelStatusKind.Missing or ModelStatusKind.Mismatch
                || (all && status.Kind == ModelStatusKind.OptionalMissing);
            if (!wanted)
            {
                context.Out.WriteLine($"ok        {entry.File}");
                continue;
            }
            try
            {
                var sha = await downloader.DownloadAsync(entry, dir, ct).ConfigureAwait(false);
                context.Out.WriteLine($"pulled    {entry.File} (sha256 {sha})");
            }
            catch (ModelDownloadException ex)
            {
                context.Out.WriteLine($"FAILED    {entry.File}");
                failures.Add(ex.Message);
            }
        }
        if (failures.Count > 0)
            throw new CliException($"{failures.Count} download(s) failed: {string.Join("; ", failures)}");
        return ExitCodes.Ok;
    }

    private static async Task<int> HashAsync(CliContext context, string? modelsOption, string? manifestPath, bool update, CancellationToken ct)
    {
        var dir = ModelLocator.ResolveFolder(modelsOption);
        var loaded = ManifestStore.Load(manifestPath, dir);
        if (update && loaded.Path is null)
            throw new CliException($"{Path.Combine(dir, ManifestStore.FileName)}: no manifest file to update (pass --manifest FILE)");
        foreach (var (name, entry) in loaded.Manifest.Models)
        {
            var path = Path.Combine(dir, entry.File);
            if (!File.Exists(path))
                continue;
            var sha = await Sha256File.ComputeAsync(path, ct).ConfigureAwait(false);
            context.Out.WriteLine($"{sha}  {entry.File}");
            // Only a missing hash, or the project's own model (no URL: it is re-trained), is rewritten;
            // upstream hashes stay authoritative.
            bool own = string.IsNullOrEmpty(entry.Url);
            if (update && (string.IsNullOrEmpty(entry.Sha256) || (own && !string.Equals(entry.Sha256, sha, StringComparison.OrdinalIgnoreCase))))
            {
                ManifestStore.WriteSha256(loaded.Path!, name, sha);
                context.Out.WriteLine($"updated   {loaded.Path}: {name}.sha256");
            }
        }
        return ExitCodes.Ok;
    }

    private static void WriteTable(CliContext context, string dir, LoadedManifest loaded, IReadOnlyList<ModelStatus> results)
    {
        var table = new Table().Title($"models in {Markup.Escape(dir)} ({Markup.Escape(loaded.Origin)})");
        table.AddColumns("model", "file", "status", "licence");
        foreach (var r in results)
        {
            string status = r.Kind switch
            {
                ModelStatusKind.Ok => "[green]ok[/]",
                ModelStatusKind.OptionalMissing => "[grey]missing (optional)[/]",
                ModelStatusKind.Missing => "[red]MISSING[/]",
                ModelStatusKind.Mismatch => "[red]SHA256 MISMATCH[/]",
                _ => "[yellow]NO SHA256 IN MANIFEST[/]",
            };
            table.AddRow(Markup.Escape(r.Name), Markup.Escape(r.Entry.File), status, Markup.Escape(r.Entry.Licence ?? ""));
        }
        context.Console.Write(table);
    }
}
