using System.CommandLine;
using CctvMask.Cli.Common;
using CctvMask.Training.Data;
using CctvMask.Training.Synthesis;
using CctvMask.Vision.FaceDetection;
using CctvMask.Vision.Models;

namespace CctvMask.Cli.Training;

/// <summary>
/// <c>cctvmask synth --faces DIR --masks DIR --out DIR [--per-face N] [--seed N]</c>: draws mask templates onto
/// unmasked faces (landmarks from the phase-1 detector) to enlarge with_mask (or, with --below-nose, mask_incorrect);
/// writes &lt;out&gt;/with_mask/ (mask_incorrect/) and a contact sheet.
/// </summary>
public static class SynthCommand
{
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new SynthOptions();
        var faces = new Option<string>("--faces") { Description = "Unmasked face images (or a dataset root with without_mask/).", Required = true };
        var masks = new Option<string>("--masks") { Description = "Folder with masks.cfg and templates/ (MaskTheFace layout).", Required = true };
        var output = new Option<string>("--out") { Description = "Output folder (images go to with_mask/).", Required = true };
        var perFace = new Option<int>("--per-face") { Description = "Masked variants per face.", DefaultValueFactory = _ => defaults.PerFace };
        var seed = new Option<int>("--seed") { Description = "Random seed.", DefaultValueFactory = _ => defaults.Seed };
        var belowNose = new Option<bool>("--below-nose") { Description = "Place masks below the nose (worn incorrectly); images go to mask_incorrect/." };
        var detector = new Option<string?>("--detector") { Description = $"Phase-1 model (default: {ModelLocator.DefaultDetector} in the model folder)." };

        var command = new Command("synth", "Synthesize masked faces from unmasked ones (landmark-driven mask templates).");
        foreach (var o in new Option[] { faces, masks, output, perFace, seed, belowNose, detector })
            command.Options.Add(o);
        command.SetAction((parse, ct) =>
        {
            var options = new SynthOptions
            {
                FacesDir = parse.GetValue(faces)!,
                MasksDir = parse.GetValue(masks)!,
                OutDir = parse.GetValue(output)!,
                PerFace = parse.GetValue(perFace),
                Seed = parse.GetValue(seed),
                BelowNose = parse.GetValue(belowNose),
            };
            var detectorPath = parse.GetValue(detector) ?? ModelLocator.Resolve(ModelLocator.DefaultDetector, parse.GetValue(context.Globals.Models));
            using var yunet = new YuNetFaceDetector(new FaceDetectorOptions { ModelPath = detectorPath });
            SynthResult result;
            try
            {
                result = new MaskSynthesisRun(options, new YuNetFaceFinder(yunet)).Run(
                    (done, total) => { if (done % 100 == 0 || done == total) context.Err.WriteLine($"synth {done}/{total}"); }, ct);
            }
            catch (Exception ex) when (ex is InvalidDataException or System.ComponentModel.DataAnnotations.ValidationException)
            {
                throw new CliException(ex.Message, ex);
            }
            context.Out.WriteLine($"faces: {result.Faces}, written: {result.Written}, no face found: {result.NoFace}, too small: {result.TooSmall}, unreadable: {result.Unreadable}");
            context.Out.WriteLine($"templates: {string.Join(", ", result.TemplatesUsed.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}"))}");
            context.Out.WriteLine($"output: {result.OutputDir}");
            if (result.ContactSheetPath is not null) context.Out.WriteLine($"contact sheet: {result.ContactSheetPath}");
            return Task.FromResult(ExitCodes.Ok);
        });
        return command;
    }
}
