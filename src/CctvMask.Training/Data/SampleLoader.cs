using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Imaging;

namespace CctvMask.Training.Data;

/// <summary>
/// Turns the split into in-memory crops. Validation crops are exactly the inference crop
/// (<see cref="FaceCropper.CropSquare"/> with the model's margin and input size). Training crops are
/// "context" crops around the same centre, <c>contextFactor</c> times larger, so augmentation can rotate,
/// scale and shift with real pixels before cutting the final crop.
/// </summary>
public sealed class SampleLoader(FaceLocator locator, FaceLocationCache cache, float cropMargin, int inputSize, float contextFactor)
{
    public int ContextSize { get; } = (int)MathF.Round(inputSize * contextFactor * 1.25f);

    /// <summary>Margin that makes <see cref="FaceCropper.CropSquare"/> cover contextFactor × the inference crop.</summary>
    public float ContextMargin => ((1 + 2 * cropMargin) * contextFactor - 1) / 2;

    public int Unreadable => _unreadable.Count;
    public IReadOnlyList<string> UnreadableFiles => _unreadable;
    public IReadOnlyDictionary<CropSource, int> BySource => _bySource;

    private readonly List<string> _unreadable = [];
    private readonly Dictionary<CropSource, int> _bySource = Enum.GetValues<CropSource>().ToDictionary(s => s, _ => 0);

    /// <summary>Locates faces (detector once per image, then cached) and cuts the crops.</summary>
    public FaceSampleSet Load(IReadOnlyList<LabeledImage> images, bool forTraining, Action<int, int>? progress = null)
    {
        // Pass 1: detection for uncached images, sequential (one detector session).
        int done = 0;
        foreach (var img in images)
        {
            if (!cache.TryGet(img.Hash, out _))
            {
                try
                {
                    using var decoded = ImageCodec.DecodeFile(img.Path);
                    cache.Set(img.Hash, locator.Locate(decoded.AsFrame(), cropMargin));
                }
                catch (ImageDecodeException)
                {
                    // Counted in pass 2.
                }
            }
            progress?.Invoke(++done, images.Count * 2);
        }
        cache.Save();

        // Pass 2: decode and crop in parallel, then add in input order (deterministic).
        int size = forTraining ? ContextSize : inputSize;
        float margin = forTraining ? ContextMargin : cropMargin;
        var crops = new byte[]?[images.Count];
        var sources = new CropSource?[images.Count];
        Parallel.For(0, images.Count, i =>
        {
            if (!cache.TryGet(images[i].Hash, out var location)) return;
            try
            {
                using var decoded = ImageCodec.DecodeFile(images[i].Path);
                var crop = new byte[size * size * 3];
                FaceCropper.CropSquare(decoded.AsFrame(), location.Box, margin, size, crop);
                crops[i] = crop;
                sources[i] = location.Source;
            }
            catch (ImageDecodeException)
            {
            }
            if (progress is not null)
                lock (crops) progress(Interlocked.Increment(ref done), images.Count * 2);
        });

        var set = new FaceSampleSet(size);
        for (int i = 0; i < images.Count; i++)
        {
            if (crops[i] is null)
            {
                _unreadable.Add(images[i].Path);
                continue;
            }
            set.Add(crops[i]!, images[i].ClassIndex);
            if (forTraining) _bySource[sources[i]!.Value]++;
        }
        return set;
    }
}
