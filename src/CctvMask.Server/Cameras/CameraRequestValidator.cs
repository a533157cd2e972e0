using CctvMask.Abstractions.Cameras;
using CctvMask.Abstractions.Privacy;
using CctvMask.Server.Cameras.Contracts;
using CctvMask.Storage.Cameras;

namespace CctvMask.Server.Cameras;

/// <summary>Field-level validation of a camera request; keys are the JSON field names.</summary>
public static class CameraRequestValidator
{
    // A polygon needs three vertices to enclose anything (the grains' ZonePolygon refuses fewer).
    private const int MinZonePoints = 3;

    public static Dictionary<string, string[]> Validate(CameraRequest request, CameraOptions options, bool checkId)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (checkId && request.Id is not null && !CameraIdRule.IsValid(request.Id))
            errors["id"] = [$"The camera id is a slug: {CameraIdRule.Description}."];

        if (string.IsNullOrWhiteSpace(request.Name))
            errors["name"] = ["The camera name is required."];
        else if (request.Name.Any(char.IsControl))
            errors["name"] = ["The camera name must not contain control characters."];
        else if (request.Name.Length > options.MaxNameLength)
            errors["name"] = [$"The camera name must be at most {options.MaxNameLength} characters."];

        if (CameraUrl.Validate(request.Url) is { } urlError)
            errors["url"] = [urlError];

        if (request.DetectFps is { } fps && !(fps >= options.MinDetectFps && fps <= options.MaxDetectFps))
            errors["detectFps"] = [$"Detect fps must be between {options.MinDetectFps} and {options.MaxDetectFps}."];

        if (request.AnalysisWidth is { } w && (w < options.MinAnalysisSize || w > options.MaxAnalysisWidth))
            errors["analysisWidth"] = [$"The analysis width must be between {options.MinAnalysisSize} and {options.MaxAnalysisWidth} pixels."];
        if (request.AnalysisHeight is { } h && (h < options.MinAnalysisSize || h > options.MaxAnalysisHeight))
            errors["analysisHeight"] = [$"The analysis height must be between {options.MinAnalysisSize} and {options.MaxAnalysisHeight} pixels."];
        if (request.AnalysisWidth.HasValue != request.AnalysisHeight.HasValue)
            errors.TryAdd("analysisHeight", ["Give both analysisWidth and analysisHeight, or neither (the default size)."]);

        if (request.SmallFaceLongSide is { } side && !CameraSettingLimits.IsValidSmallFaceLongSide(side))
            errors["smallFaceLongSide"] = [CameraSettingLimits.SmallFaceLongSideRule];

        if (request.PrivacyMode is { } mode && !PrivacyModes.TryParse(mode, out _))
            errors["privacyMode"] = [$"The privacy mode must be {PrivacyModes.Description}."];
        if (!CameraSettingLimits.IsValidRetentionDays(request.RetentionDays))
            errors["retentionDays"] = [CameraSettingLimits.RetentionDaysRule];

        CheckZones(errors, request.Zones, options);
        return errors;
    }

    private static void CheckZones(Dictionary<string, string[]> errors, IReadOnlyList<CameraZone>? zones, CameraOptions options)
    {
        if (zones is null) return;
        if (zones.Count > options.MaxZones)
        {
            errors["zones"] = [$"At most {options.MaxZones} zones are allowed."];
            return;
        }
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < zones.Count; i++)
        {
            var zone = zones[i];
            var name = zone?.Name?.Trim();
            if (string.IsNullOrEmpty(name))
                errors[$"zones[{i}].name"] = ["The zone name is required."];
            else if (name.Length > options.MaxZoneNameLength)
                errors[$"zones[{i}].name"] = [$"The zone name must be at most {options.MaxZoneNameLength} characters."];
            else if (!names.Add(name))
                errors[$"zones[{i}].name"] = [$"Zone names must be unique; '{name}' is used twice."];

            var points = zone?.Points;
            if (points is null || points.Count < MinZonePoints || points.Count > options.MaxZonePoints)
                errors[$"zones[{i}].points"] = [$"A zone needs between {MinZonePoints} and {options.MaxZonePoints} points."];
            else if (points.Any(p => !(p.X is >= 0 and <= 1) || !(p.Y is >= 0 and <= 1)))
                errors[$"zones[{i}].points"] = ["Zone points are normalised coordinates between 0 and 1."];
        }
    }
}
