using System.Buffers;
using CctvMask.Vision.Detection;
using CctvMask.Vision.FaceCrop;
using CctvMask.Vision.Imaging;

namespace CctvMask.Grains.Violations;

/// <summary>
/// Keeps, per track, the pixels of its best face so far (highest detector score × box area): the
/// frame is gone by the time a violation is raised, so the crop is cut when the face improves.
/// Buffers are pooled and returned when the track ends. Single-threaded.
/// </summary>
public sealed class BestFaceCrops : IDisposable
{
    private readonly Dictionary<long, Entry> _entries = [];
    private readonly int _size;
    private readonly float _margin;

    /// <summary>Creates the store.</summary>
    public BestFaceCrops(ViolationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _size = options.FaceCropSize;
        _margin = (float)options.FaceCropMargin;
    }

    /// <summary>Side of each square crop.</summary>
    public int CropSize => _size;

    /// <summary>Tracks with a stored crop.</summary>
    public int Count => _entries.Count;

    /// <summary>Quality used to rank a track's faces.</summary>
    public static float Quality(in DetectedFace face) => face.Score * face.Box.Area;

    /// <summary>Crops the face when it beats the track's stored best; returns true when it did.</summary>
    public bool Offer(long trackId, in DetectedFace face, BgrFrame frame)
    {
        float quality = Quality(face);
        if (_entries.TryGetValue(trackId, out var entry) && entry.Quality >= quality)
            return false;
        var buffer = entry?.Buffer ?? ArrayPool<byte>.Shared.Rent(_size * _size * 3);
        FaceCropper.CropSquare(frame, face.Box, _margin, _size, buffer.AsSpan(0, _size * _size * 3));
        _entries[trackId] = new Entry(buffer, quality, face);
        return true;
    }

    /// <summary>The stored crop (BGR, CropSize², packed) and the face it came from.</summary>
    public bool TryGet(long trackId, out BgrFrame crop, out DetectedFace face)
    {
        if (_entries.TryGetValue(trackId, out var entry))
        {
            crop = new BgrFrame(entry.Buffer.AsMemory(0, _size * _size * 3), _size, _size);
            face = entry.Face;
            return true;
        }
        crop = default;
        face = default;
        return false;
    }

    /// <summary>Releases the crop of an ended track.</summary>
    public void Remove(long trackId)
    {
        if (_entries.Remove(trackId, out var entry))
            ArrayPool<byte>.Shared.Return(entry.Buffer);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var entry in _entries.Values)
            ArrayPool<byte>.Shared.Return(entry.Buffer);
        _entries.Clear();
    }

    private sealed record Entry(byte[] Buffer, float Quality, DetectedFace Face);
}
