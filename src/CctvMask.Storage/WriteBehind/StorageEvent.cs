using System.Text.Json;
using System.Text.Json.Serialization;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Violations;

namespace CctvMask.Storage.WriteBehind;

/// <summary>
/// One queued write; also one JSON line of a spill or journal file (exactly one member is set).
/// <see cref="Provisional"/> marks the open minute's counts so far, or a violation whose evidence is still being drawn:
/// journaled only, superseded by a later provisional or the final event with the same id, written as a normal event
/// only when a crash left it without its final one.
/// </summary>
internal sealed record StorageEvent(
    ViolationRecord? Violation,
    ComplianceDelta? Compliance,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] bool Provisional = false)
{
    /// <summary>The id a provisional event and its final one share: the delta's event id, or the violation's.</summary>
    internal Guid Id => Compliance?.EventId ?? Violation!.EventId;

    /// <summary>Journal segment holding this event, or -1 (not journaled: replayed from a file, or past the journal bound).</summary>
    internal long Segment { get; set; } = -1;

    private static readonly JsonSerializerOptions LineFormat = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Appends the event as one JSON line (the spill file's and the journal's format).</summary>
    internal static void WriteLine(Stream stream, StorageEvent e)
    {
        JsonSerializer.Serialize(stream, e, LineFormat);
        stream.WriteByte((byte)'\n');
    }

    /// <summary>One line back into an event; null for a line that cannot be parsed (torn by a crash) or is empty of both members.</summary>
    internal static StorageEvent? ParseLine(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<StorageEvent>(line, LineFormat) is { } e && (e.Violation is not null || e.Compliance is not null) ? e : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
