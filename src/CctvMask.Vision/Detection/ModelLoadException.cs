namespace CctvMask.Vision.Detection;

/// <summary>
/// A model could not be loaded: missing file, corrupt file, or unexpected inputs/outputs/metadata.
/// The message names the file and what is wrong.
/// </summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception; <paramref name="modelPath"/> is prefixed to the message.</summary>
    public ModelLoadException(string modelPath, string problem)
        : base($"{modelPath}: {problem}")
    {
        ModelPath = modelPath;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ModelLoadException(string modelPath, string problem, Exception innerException)
        : base($"{modelPath}: {problem}", innerException)
    {
        ModelPath = modelPath;
    }

    /// <summary>The model file concerned.</summary>
    public string ModelPath { get; }
}
