using System.Collections.Concurrent;
using System.Text;
using MQTTnet;

namespace CctvMask.Server.Tests.Alerts;

/// <summary>A test-side MQTTnet client that records every message under a topic filter.</summary>
public sealed class MqttSubscriber : IAsyncDisposable
{
    private readonly IMqttClient _client = new MqttClientFactory().CreateMqttClient();
    private readonly ConcurrentQueue<Message> _messages = new();

    public IReadOnlyList<Message> Messages => _messages.ToArray();

    public static async Task<MqttSubscriber> ConnectAsync(string host, int port, string topicFilter)
    {
        var subscriber = new MqttSubscriber();
        subscriber._client.ApplicationMessageReceivedAsync += e =>
        {
            var m = e.ApplicationMessage;
            subscriber._messages.Enqueue(new Message(m.Topic, Encoding.UTF8.GetString(m.Payload), m.Retain));
            return Task.CompletedTask;
        };
        await subscriber._client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port)
            .WithClientId("cctvmask-test-" + Guid.NewGuid().ToString("N")[..8]).WithCleanSession().Build());
        await subscriber._client.SubscribeAsync(new MqttClientSubscribeOptionsBuilder().WithTopicFilter(topicFilter).Build());
        return subscriber;
    }

    /// <summary>Clears a retained message (empty retained payload), so the shared broker keeps nothing of the test.</summary>
    public Task ClearRetainedAsync(string topic) =>
        _client.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(Array.Empty<byte>()).WithRetainFlag().Build());

    public async ValueTask DisposeAsync()
    {
        if (_client.IsConnected) await _client.DisconnectAsync();
        _client.Dispose();
    }

    public sealed record Message(string Topic, string Payload, bool Retained);
}
