using System.Security.Cryptography.X509Certificates;
using CctvMask.Server.Cameras;
using CctvMask.Server.KeyRing;
using Microsoft.Extensions.Options;
using MQTTnet;
using MQTTnet.Exceptions;
using MQTTnet.Protocol;

namespace CctvMask.Server.Alerts.Mqtt;

/// <summary>
/// One MQTT connection per server (MQTTnet 5), kept up by its own loop: when the broker is unreachable or
/// drops the connection it reconnects every <see cref="MqttOptions.ReconnectDelaySeconds"/>. Publishes are
/// QoS 1; a publish while disconnected fails at once (the delivery stays pending and is retried).
/// Does nothing when no host is configured. The password goes to the broker only.
/// </summary>
public sealed class MqttPublisher : BackgroundService
{
    private readonly MqttOptions _options;
    private readonly ILogger<MqttPublisher> _logger;
    private readonly IMqttClient _client;
    private readonly MqttClientOptionsBuilder _clientOptions;
    private readonly SecretProtector _passwords;
    private bool _reportedDown;

    public MqttPublisher(IOptions<MqttOptions> options, [FromKeyedServices(SecretProtector.MqttPassword)] SecretProtector passwords, ILogger<MqttPublisher> logger)
    {
        _passwords = passwords;
        _options = options.Value;
        _logger = logger;
        _client = new MqttClientFactory().CreateMqttClient();
        var builder = new MqttClientOptionsBuilder()
            .WithTcpServer(_options.Host ?? "localhost", _options.Port)
            .WithClientId(_options.ClientId is { Length: > 0 } id ? id : $"cctvmask-{Environment.MachineName}-{Environment.ProcessId}")
            .WithCleanSession()
            .WithTimeout(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        if (_options.UseTls)
        {
            builder.WithTlsOptions(tls =>
            {
                tls.UseTls();
                if (_options.CaCertificateFile is { Length: > 0 } ca)
                {
                    var trusted = new X509Certificate2Collection();
                    trusted.ImportFromPemFile(ca);
                    tls.WithTrustChain(trusted);
                }
            });
        }
        _clientOptions = builder;
    }

    public bool IsEnabled => _options.IsEnabled;

    public bool IsConnected => _client.IsConnected;

    /// <summary>Publishes at QoS 1; null on success, else a short reason (not connected, broker refused…).</summary>
    public async Task<string?> PublishAsync(string topic, string payload, bool retain, CancellationToken cancellationToken)
    {
        if (!IsEnabled) return "MQTT is not configured";
        if (!_client.IsConnected) return "not connected to the broker";
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithRetainFlag(retain)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(_options.TimeoutSeconds));
        try
        {
            var result = await _client.PublishAsync(message, timeout.Token).ConfigureAwait(false);
            return result.IsSuccess ? null : $"broker answered {result.ReasonCode}";
        }
        catch (Exception ex) when (ex is MqttCommunicationException or InvalidOperationException
                                   || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return ex is OperationCanceledException ? "timed out" : CameraUrl.RedactText(ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsEnabled) return;
        if (_options.Username is { Length: > 0 } user)
        {
            // ProtectedPassword is decrypted here, after start-up migrated the database that holds the key ring.
            var password = _options.Password;
            if (_options.ProtectedPassword is { Length: > 0 } protectedPassword && (password = _passwords.TryUnprotect(protectedPassword)) is null)
            {
                AlertSecretLog.MqttPasswordUnreadable(_logger, _options.Host!, _options.Port);
                return;
            }
            _clientOptions.WithCredentials(user, password);
        }
        var clientOptions = _clientOptions.Build();
        var delay = TimeSpan.FromSeconds(_options.ReconnectDelaySeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (!_client.IsConnected)
            {
                try
                {
                    await _client.ConnectAsync(clientOptions, stoppingToken).ConfigureAwait(false);
                    _reportedDown = false;
                    AlertLog.MqttConnected(_logger, _options.Host!, _options.Port, _options.UseTls);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    // One line per outage, not one per attempt.
                    if (!_reportedDown) AlertLog.MqttUnreachable(_logger, _options.Host!, _options.Port, CameraUrl.RedactText(ex.Message), delay);
                    _reportedDown = true;
                }
            }
            try
            {
                await Task.Delay(delay, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_client.IsConnected)
        {
            try
            {
                await _client.DisconnectAsync(new MqttClientDisconnectOptionsBuilder().Build(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is MqttCommunicationException or OperationCanceledException)
            {
                // Going away anyway.
            }
        }
    }

    public override void Dispose()
    {
        _client.Dispose();
        base.Dispose();
    }
}
