using System.Globalization;
using System.Text.Json;
using CctvMask.Grains.Cameras;
using CctvMask.Server.Alerts.Evaluation;
using CctvMask.Server.Cameras.Contracts;
using Microsoft.Extensions.Options;

namespace CctvMask.Server.Alerts.Mqtt;

/// <summary>
/// The retained per-camera messages, published by the lease holder after each evaluation pass:
/// <c>{prefix}/cameras/{id}/status</c> (the camera status, as GET /api/cameras/{id}/status answers it) and
/// <c>{prefix}/cameras/{id}/compliance</c> (counts over the last <see cref="MqttOptions.ComplianceWindowMinutes"/>).
/// </summary>
public sealed class MqttCameraStatusPublisher(MqttPublisher publisher, IOptions<MqttOptions> options, ILogger<MqttCameraStatusPublisher> logger)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public int WindowMinutes => options.Value.ComplianceWindowMinutes;

    public async Task PublishAsync(IEnumerable<(CameraStatus Status, AlertSnapshot Window)> cameras, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!publisher.IsEnabled || !publisher.IsConnected) return;
        var prefix = options.Value.TopicPrefix;
        foreach (var (status, window) in cameras)
        {
            var statusJson = JsonSerializer.Serialize(CameraStatusResponse.From(window.CameraId, status), Json);
            var complianceJson = JsonSerializer.Serialize(new
            {
                cameraId = window.CameraId,
                at = now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture),
                windowMinutes = WindowMinutes,
                people = window.People,
                masked = window.Masked,
                unmasked = window.Unmasked,
                compliance = window.CompliancePercent is { } p ? Math.Round(p / 100, 4) : (double?)null,
            }, Json);
            var failed = await publisher.PublishAsync(MqttTopics.Status(prefix, window.CameraId), statusJson, retain: true, cancellationToken).ConfigureAwait(false)
                         ?? await publisher.PublishAsync(MqttTopics.Compliance(prefix, window.CameraId), complianceJson, retain: true, cancellationToken).ConfigureAwait(false);
            if (failed is not null) AlertLog.MqttStatusFailed(logger, window.CameraId, failed);
        }
    }
}
