using System.Security.Cryptography;
using CctvMask.Training.Data;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Synthesis;

/// <summary>
/// <c>cctvmask synth</c>: for every unmasked face image, detect the face and landmarks with the phase-1
/// detector, draw <see cref="SynthOptions.PerFace"/> masked variants and write them to
/// &lt;out&gt;/with_mask/synth-&lt;source hash&gt;-&lt;n&gt;.jpg (mask_incorrect/ when placed below the nose; the name lets training keep each variant on
/// its source's side of the split), plus contact_sheet.png of the first samples. Deterministic per seed.
/// </summary>
public sealed class MaskSynthesisRun(SynthOptions options, IFaceFinder finder)
{
    public const string OutputClass = "with_mask";
    public const string BelowNoseOutputClass = "mask_incorrect";
    public const string ContactSheetFileName = "contact_sheet.png";
    private const int SheetColumns = 6;
    private const int SheetTile = 128;
    private static readonly string[] ImageExtensions = [".jpg", ".jpeg", ".png", ".bmp", ".webp"];

    public SynthResult Run(Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        System.ComponentModel.DataAnnotations.Validator.ValidateObject(options, new(options), validateAllProperties: true);
        if (!Directory.Exists(options.FacesDir)) throw new DirectoryNotFoundException($"Faces folder not found: {options.FacesDir}");
        var sourceDir = Directory.Exists(Path.Combine(options.FacesDir, "without_mask")) ? Path.Combine(options.FacesDir, "without_mask") : options.FacesDir;
        var files = Directory.EnumerateFiles(sourceDir)
            .Where(f => ImageExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0) throw new InvalidDataException($"No images in {sourceDir}.");

        var templates = MaskTemplateSet.Load(options.MasksDir);
        var synthesizer = new MaskSynthesizer(templates, options);
        var locator = new FaceLocator(finder);
        var outDir = Path.Combine(options.OutDir, options.BelowNose ? BelowNoseOutputClass : OutputClass);
        Directory.CreateDirectory(outDir);
        var sheet = new ContactSheet(SheetColumns, SheetTile);
        var used = new Dictionary<string, int>(StringComparer.Ordinal);
        int written = 0, noFace = 0, tooSmall = 0, unreadable = 0, done = 0;
        // Spread the contact sheet over the whole folder, not its first files.
        int sheetStride = Math.Max(1, files.Count / Math.Max(1, options.ContactSheetSamples));

        foreach (var file in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            progress?.Invoke(++done, files.Count);
            var bytes = File.ReadAllBytes(file);
            var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
            BgrImage source;
            try
            {
                source = ImageCodec.Decode(bytes);
            }
            catch (ImageDecodeException)
            {
                unreadable++;
                continue;
            }
            using (source)
            {
                if (locator.LocateFace(source.AsFrame()) is not { } found)
                {
                    noFace++;
                    continue;
                }
                for (int k = 0; k < options.PerFace; k++)
                {
                    var rng = new Random(HashCode(options.Seed, hash, k));
                    using var copy = BgrImage.CopyFrom(source.AsFrame());
                    var name = synthesizer.Apply(copy, found.Face.Landmarks, rng);
                    if (name is null)
                    {
                        tooSmall++;
                        break;
                    }
                    used[name] = used.GetValueOrDefault(name) + 1;
                    ImageCodec.SaveJpeg(copy.AsFrame(), Path.Combine(outDir, DatasetScanner.SynthFileName(hash, k, ".jpg")), options.JpegQuality);
                    written++;
                    if (k == 0 && (done - 1) % sheetStride == 0 && sheet.Count < options.ContactSheetSamples) sheet.Add(copy, found.Face.Box);
                }
            }
        }
        string? sheetPath = null;
        if (sheet.Count > 0)
        {
            sheetPath = Path.Combine(options.OutDir, ContactSheetFileName);
            sheet.Save(sheetPath);
        }
        return new SynthResult(files.Count, written, noFace, tooSmall, unreadable, outDir, sheetPath, used);
    }

    /// <summary>Stable across processes (unlike System.HashCode): seed, source hash and variant index.</summary>
    private static int HashCode(int seed, string hash, int k) =>
        BitConverter.ToInt32(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{seed}:{hash}:{k}")));
}
