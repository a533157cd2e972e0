using System.Text.Json.Serialization;

namespace CctvMask.Cli.Bench;

/// <summary>
/// Everything <c>cctvmask bench --video</c> measured: each block's median (order A B C C B A), each variant's
/// frames/s (the mean of its two blocks), the ratios on this run, and phase-2 crops per analysed frame.
/// </summary>
/// <param name="Clip">The frames (file, count, rate, size).</param>
/// <param name="Detector">The detector settings.</param>
/// <param name="Blocks">Each measurement block in the order run.</param>
/// <param name="FramesPerSecond">Per variant: mean of its blocks' medians.</param>
/// <param name="Ratios">End-to-end ÷ phase-1-only and friends.</param>
/// <param name="CropsPerFrame">Phase-2 crops per analysed frame, per end-to-end variant.</param>
/// <param name="StageMillisecondsPerFrame">Per end-to-end variant: milliseconds per frame of each stage (<see cref="Clips.ClipStages.Names"/>).</param>
public sealed record VideoBenchReport(
    [property: JsonPropertyName("clip")] string Clip,
    [property: JsonPropertyName("detector")] string Detector,
    [property: JsonPropertyName("blocks")] IReadOnlyList<Throughput> Blocks,
    [property: JsonPropertyName("frames_per_s")] IReadOnlyDictionary<string, double> FramesPerSecond,
    [property: JsonPropertyName("ratios")] IReadOnlyDictionary<string, double> Ratios,
    [property: JsonPropertyName("crops_per_frame")] IReadOnlyDictionary<string, double> CropsPerFrame,
    [property: JsonPropertyName("stage_ms_per_frame")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>> StageMillisecondsPerFrame);
