using System.ComponentModel.DataAnnotations;

namespace CctvMask.Server.Violations;

/// <summary>Paging of GET /api/violations (section "Violations"); MaxPageSize must not exceed Storage:MaxPageSize.</summary>
public sealed class ViolationOptions
{
    public const string SectionName = "Violations";

    [Range(1, 1000)] public int DefaultPageSize { get; set; } = 50;
    [Range(1, 1000)] public int MaxPageSize { get; set; } = 200;
}
