namespace CctvMask.Training.Export;

/// <summary>Folds an inference-mode BatchNorm into the preceding convolution's weights and bias.</summary>
internal static class BatchNormFolding
{
    /// <param name="weight">Conv weight [out, in/groups, kh, kw], flattened; rescaled in place.</param>
    /// <param name="bias">Conv bias [out] or null (treated as zeros).</param>
    /// <returns>The folded bias [out].</returns>
    public static float[] Fold(
        float[] weight, float[]? bias, float[] gamma, float[] beta, float[] mean, float[] variance, double eps)
    {
        int outChannels = gamma.Length;
        int perChannel = weight.Length / outChannels;
        var folded = new float[outChannels];
        for (int o = 0; o < outChannels; o++)
        {
            // Double precision keeps the fold well inside the 1e-4 parity budget.
            double scale = gamma[o] / Math.Sqrt(variance[o] + eps);
            var w = weight.AsSpan(o * perChannel, perChannel);
            for (int i = 0; i < w.Length; i++) w[i] = (float)(w[i] * scale);
            double b = bias is null ? 0 : bias[o];
            folded[o] = (float)((b - mean[o]) * scale + beta[o]);
        }
        return folded;
    }
}
