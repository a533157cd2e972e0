namespace CctvMask.Training.Data;

/// <summary>How many training faces came from each <see cref="CropSource"/>, and images that could not be read.</summary>
public sealed record CropStatistics(IReadOnlyDictionary<CropSource, int> BySource, int Unreadable, IReadOnlyList<string> UnreadableFiles,
    int PhotosUsed, int PhotosHeldOut, IReadOnlyDictionary<string, int> PhotoFacesPerClass);
