using System.Buffers;
using CctvMask.Vision.Detection;
using CctvMask.Vision.Imaging;
using CctvMask.Vision.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;

namespace CctvMask.Vision.FaceDetection;

/// <summary>
/// Phase 1: YuNet face detector over the fixed 640×640 model (letterbox, top-left) or the dynamic
/// model (padded to multiples of 32). Thread-safe: runs are serialised by a lock, and buffers and
/// OrtValues are reused while the input size stays the same, so steady-state calls allocate nothing.
/// </summary>
public sealed class YuNetFaceDetector : IDisposable
{
    private static readonly int[] Strides = [8, 16, 32];
    private static readonly string[] Kinds = ["cls", "obj", "bbox", "kps"];
    private static readonly int[] KindWidths = [1, 1, 4, 10];

    // A small-face pass must enlarge the frame by more than this over pass 1 to be worth its cost.
    private const float MinZoomGain = 1.25f;

    private readonly FaceDetectorOptions _options;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly Lock _gate = new();
    private YuNetWorkspace? _workspace;
    private YuNetWorkspace? _zoomWorkspace;
    private RawFace[] _merge = [];
    private bool _disposed;

    /// <summary>Loads the model; throws <see cref="ModelLoadException"/> when it is missing or not YuNet.</summary>
    public YuNetFaceDetector(FaceDetectorOptions options, OnnxRuntimeOptions? runtime = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        logger ??= NullLogger.Instance;
        _session = OnnxSessionFactory.Open(options.ModelPath, runtime ?? new OnnxRuntimeOptions(), logger);
        try
        {
            (_inputNames, ModelWidth, ModelHeight, MaxBatch) = ValidateInput(_session, options);
            _outputNames = ValidateOutputs(_session, options.ModelPath);
        }
        catch
        {
            _session.Dispose();
            _runOptions.Dispose();
            throw;
        }
        VisionLog.DetectorReady(logger, options.ModelPath, ModelWidth, ModelHeight,
            IsFixedSize ? "fixed" : "dynamic", options.InputSizePolicy.ToString());
    }

    /// <summary>Fixed model input width, 0 for a dynamic model.</summary>
    public int ModelWidth { get; }

    /// <summary>Fixed model input height, 0 for a dynamic model.</summary>
    public int ModelHeight { get; }

    /// <summary>True for a model with a fixed input size (e.g. 640×640).</summary>
    public bool IsFixedSize => ModelWidth > 0;

    /// <summary>Frames run together in one inference at most.</summary>
    public int MaxBatch { get; }

    /// <summary>The options in use.</summary>
    public FaceDetectorOptions Options => _options;

    /// <summary>Detects faces in one frame; returns how many were written (best first).</summary>
    public int Detect(BgrFrame frame, Span<RawFace> results)
    {
        Span<int> count = stackalloc int[1];
        return Detect(new ReadOnlySpan<BgrFrame>(in frame), results, count);
    }

    /// <summary>
    /// Detects faces in several frames. Faces are written to <paramref name="results"/> frame after
    /// frame (each frame's best first); <paramref name="faceCounts"/>[i] receives frame i's count
    /// (at most MaxFacesPerFrame, fewer when <paramref name="results"/> runs out). Returns the total.
    /// Every frame gets the small-face pass of <see cref="FaceDetectorOptions.ZoomLongSide"/>.
    /// </summary>
    public int Detect(ReadOnlySpan<BgrFrame> frames, Span<RawFace> results, Span<int> faceCounts)
    {
        Span<int> zoom = frames.Length <= 64 ? stackalloc int[frames.Length] : new int[frames.Length];
        zoom.Fill(_options.ZoomLongSide);
        return Detect(frames, zoom, results, faceCounts);
    }

    /// <summary>
    /// As <see cref="Detect(ReadOnlySpan{BgrFrame}, Span{RawFace}, Span{int})"/>, with the small-face
    /// pass chosen per frame: <paramref name="zoomLongSides"/>[i] is frame i's pass size (0 = no pass),
    /// so cameras placed far away can have it and doorway cameras not, in one batch.
    /// </summary>
    public int Detect(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<int> zoomLongSides, Span<RawFace> results, Span<int> faceCounts)
    {
        if (faceCounts.Length < frames.Length)
            throw new ArgumentException("faceCounts must have one slot per frame.", nameof(faceCounts));
        if (zoomLongSides.Length < frames.Length)
            throw new ArgumentException("zoomLongSides must have one slot per frame.", nameof(zoomLongSides));
        for (int i = 0; i < frames.Length; i++)
        {
            if (frames[i].IsEmpty)
                throw new ArgumentException($"Frame {i} is empty.", nameof(frames));
        }

        Span<InputGeometry> plans = stackalloc InputGeometry[MaxBatch];
        Span<InputGeometry> zooms = stackalloc InputGeometry[MaxBatch];
        int written = 0;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            for (int start = 0; start < frames.Length;)
            {
                int n = PlanGroup(frames[start..], zoomLongSides[start..], plans, zooms, out bool zoom);
                var group = frames.Slice(start, n);
                var ws = Run(ref _workspace, group, plans[..n]);
                var zws = zoom ? Run(ref _zoomWorkspace, group, zooms[..n]) : null;
                for (int b = 0; b < n; b++)
                {
                    int room = Math.Min(_options.MaxFacesPerFrame, results.Length - written);
                    int found = room > 0 ? DecodeImage(ws, zws, b, plans[b], zooms[b], results.Slice(written, room)) : 0;
                    faceCounts[start + b] = found;
                    written += found;
                }
                start += n;
            }
        }
        return written;
    }

    /// <summary>Plans the detector input for a frame of the given size (exposed for diagnostics).</summary>
    public (int InputWidth, int InputHeight, float Scale) PlanInput(int width, int height)
    {
        var g = Plan(width, height);
        return (g.InputWidth, g.InputHeight, g.ScaleX);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _workspace?.Dispose();
            _workspace = null;
            _zoomWorkspace?.Dispose();
            _zoomWorkspace = null;
            if (_merge.Length > 0)
                ArrayPool<RawFace>.Shared.Return(_merge);
            _merge = [];
        }
        _session.Dispose();
        _runOptions.Dispose();
    }

    private InputGeometry Plan(int width, int height) =>
        InputGeometry.Plan(width, height, _options.InputSizePolicy, _options.LongSide, ModelWidth, ModelHeight);

    // The small-face pass plan: the frame scaled to ZoomLongSide, when that is clearly larger than pass 1.
    private bool TryPlanZoom(in InputGeometry first, int zoomLongSide, out InputGeometry zoom)
    {
        zoom = default;
        if (zoomLongSide <= 0 || IsFixedSize)
            return false;
        zoom = InputGeometry.Plan(first.FrameWidth, first.FrameHeight, InputSizePolicy.LongSide, zoomLongSide, 0, 0);
        return zoom.ScaleX > first.ScaleX * MinZoomGain;
    }

    // Consecutive frames with the same input sizes (both passes) share one run (up to MaxBatch).
    private int PlanGroup(ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<int> zoomLongSides, Span<InputGeometry> plans, Span<InputGeometry> zooms, out bool zoom)
    {
        plans[0] = Plan(frames[0].Width, frames[0].Height);
        zoom = TryPlanZoom(plans[0], zoomLongSides[0], out zooms[0]);
        int n = 1;
        while (n < frames.Length && n < MaxBatch)
        {
            var g = Plan(frames[n].Width, frames[n].Height);
            bool z = TryPlanZoom(g, zoomLongSides[n], out var zg);
            if (g.InputWidth != plans[0].InputWidth || g.InputHeight != plans[0].InputHeight || z != zoom
                || (z && (zg.InputWidth != zooms[0].InputWidth || zg.InputHeight != zooms[0].InputHeight)))
                break;
            plans[n] = g;
            zooms[n++] = zg;
        }
        return n;
    }

    // Pre-processes a group into the workspace for its input size and runs the model once.
    private YuNetWorkspace Run(ref YuNetWorkspace? slot, ReadOnlySpan<BgrFrame> frames, ReadOnlySpan<InputGeometry> plans)
    {
        int n = frames.Length;
        var ws = EnsureWorkspace(ref slot, n, plans[0].InputWidth, plans[0].InputHeight);
        int imageLength = ws.ImageLength;
        for (int b = 0; b < n; b++)
            YuNetPreprocessing.ResizeToNchw(frames[b], plans[b], ws.Input.AsSpan(b * imageLength, imageLength));
        _session.Run(_runOptions, _inputNames, ws.InputValues(n), _outputNames, ws.OutputValues(n));
        return ws;
    }

    private static YuNetWorkspace EnsureWorkspace(ref YuNetWorkspace? slot, int batch, int width, int height)
    {
        if (slot is { } ws && ws.Fits(batch, width, height))
            return ws;
        // Grow to the largest batch seen for this input size, so smaller batches reuse the buffers.
        int capacity = slot is { } old && old.Width == width && old.Height == height ? Math.Max(batch, old.Capacity) : batch;
        slot?.Dispose();
        slot = new YuNetWorkspace(capacity, width, height, Strides, KindWidths);
        return slot;
    }

    // Decodes image b of both passes into frame pixels, then one NMS over the union.
    private int DecodeImage(YuNetWorkspace ws, YuNetWorkspace? zws, int b, in InputGeometry g, in InputGeometry zg, Span<RawFace> results)
    {
        int need = ws.Candidates.Length + (zws?.Candidates.Length ?? 0);
        if (_merge.Length < need)
        {
            if (_merge.Length > 0)
                ArrayPool<RawFace>.Shared.Return(_merge);
            _merge = ArrayPool<RawFace>.Shared.Rent(need);
        }
        var candidates = _merge.AsSpan();
        int count = DecodePass(ws, b, g, float.PositiveInfinity, candidates);
        if (zws is not null)
            count += DecodePass(zws, b, zg, _options.ZoomMaxFaceSize, candidates[count..]);
        return YuNetDecoding.Nms(candidates[..count], _options.TopK, _options.NmsThreshold, results);
    }

    private int DecodePass(YuNetWorkspace ws, int b, in InputGeometry g, float maxFaceSize, Span<RawFace> dest)
    {
        int count = 0;
        for (int s = 0; s < Strides.Length; s++)
        {
            int stride = Strides[s];
            int cols = ws.Width / stride, rows = ws.Height / stride, cells = cols * rows;
            count += YuNetDecoding.DecodeStride(
                ws.Output(0, s).AsSpan(b * cells, cells),
                ws.Output(1, s).AsSpan(b * cells, cells),
                ws.Output(2, s).AsSpan(b * cells * 4, cells * 4),
                ws.Output(3, s).AsSpan(b * cells * 10, cells * 10),
                stride, cols, rows, _options.ScoreThreshold, dest[count..]);
        }
        int kept = 0;
        for (int i = 0; i < count; i++)
        {
            var face = YuNetDecoding.ToFrame(dest[i], g);
            if (MathF.Sqrt(face.Box.Width * face.Box.Height) < maxFaceSize)
                dest[kept++] = face;
        }
        return kept;
    }

    private static (string[] Names, int Width, int Height, int MaxBatch) ValidateInput(InferenceSession session, FaceDetectorOptions options)
    {
        var path = options.ModelPath;
        if (session.InputMetadata.Count != 1)
            throw new ModelLoadException(path, $"expected one input [N,3,H,W], found {session.InputMetadata.Count} (is this a YuNet model?)");
        var (name, meta) = session.InputMetadata.First();
        var dims = meta.Dimensions;
        if (meta.ElementType != typeof(float) || dims.Length != 4 || dims[1] != 3)
            throw new ModelLoadException(path, $"input '{name}' is {meta.ElementDataType} [{string.Join(',', dims)}], expected float [N,3,H,W] (is this a YuNet model?)");
        int w = Math.Max(0, dims[3]), h = Math.Max(0, dims[2]);
        if ((w > 0) != (h > 0) || w % InputGeometry.Alignment != 0 || h % InputGeometry.Alignment != 0)
            throw new ModelLoadException(path, $"input '{name}' size {dims[3]}x{dims[2]} must be dynamic or multiples of {InputGeometry.Alignment}");
        if (dims[0] > 1)
            throw new ModelLoadException(path, $"input '{name}' has a fixed batch of {dims[0]}; expected 1 or dynamic");
        int maxBatch = dims[0] == 1 ? 1 : options.MaxBatch;
        return ([name], w, h, maxBatch);
    }

    private static string[] ValidateOutputs(InferenceSession session, string path)
    {
        var names = new string[Kinds.Length * Strides.Length];
        for (int k = 0; k < Kinds.Length; k++)
        {
            for (int s = 0; s < Strides.Length; s++)
            {
                var name = $"{Kinds[k]}_{Strides[s]}";
                if (!session.OutputMetadata.TryGetValue(name, out var meta))
                    throw new ModelLoadException(path, $"output '{name}' is missing (is this a YuNet model?)");
                var dims = meta.Dimensions;
                if (meta.ElementType != typeof(float) || dims.Length != 3 || dims[2] != KindWidths[k])
                    throw new ModelLoadException(path, $"output '{name}' is [{string.Join(',', dims)}], expected [N,cells,{KindWidths[k]}]");
                names[k * Strides.Length + s] = name;
            }
        }
        return names;
    }
}
