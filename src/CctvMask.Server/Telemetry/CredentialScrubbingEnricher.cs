using CctvMask.Server.Cameras;
using Serilog.Core;
using Serilog.Events;

namespace CctvMask.Server.Telemetry;

/// <summary>
/// Last line of defence: any string property carrying a URL with credentials (from any project's
/// log line, e.g. an ffmpeg command or error) is rewritten with the password masked.
/// </summary>
public sealed class CredentialScrubbingEnricher : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        List<LogEventProperty>? replacements = null;
        foreach (var (name, value) in logEvent.Properties)
        {
            if (value is ScalarValue { Value: string text } && text.Contains("://", StringComparison.Ordinal))
            {
                var scrubbed = CameraUrl.RedactText(text);
                if (!ReferenceEquals(scrubbed, text) && scrubbed != text)
                    (replacements ??= []).Add(new LogEventProperty(name, new ScalarValue(scrubbed)));
            }
        }
        if (replacements is null) return;
        foreach (var p in replacements) logEvent.AddOrUpdateProperty(p);
    }
}
