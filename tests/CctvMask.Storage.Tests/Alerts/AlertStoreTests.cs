using CctvMask.Storage.Alerts;
using CctvMask.Storage.Compliance;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;

namespace CctvMask.Storage.Tests.Alerts;

/// <summary>The alert tables on both providers: rules with a write-only secret, states, the outbox, the lease, compliance windows.</summary>
public sealed class AlertStoreTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static AlertRuleSpec Spec(string name, string? url = "https://hooks.example.com/a") =>
        new(name, AlertRuleKind.ComplianceBelow, AlertRuleScope.EachCamera, null, 80, 10, 5, 5, 600, true, url, true);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Rules_round_trip_and_the_secret_is_readable_only_on_its_own(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var rules = new AlertRuleRepository(db.Factory, TimeProvider.System);
        var rule = await rules.CreateAsync(Spec("low"), "secret-0123456789");
        Assert.True(rule.HasWebhookSecret);
        Assert.Equal(Spec("low"), (await rules.GetAsync(rule.Id))!.Spec);
        Assert.Equal("secret-0123456789", await rules.GetWebhookSecretAsync(rule.Id));

        // No new secret on update = keep; no URL = no secret.
        await rules.UpdateAsync(rule.Id, Spec("lower"), null);
        Assert.Equal("secret-0123456789", await rules.GetWebhookSecretAsync(rule.Id));
        var without = await rules.UpdateAsync(rule.Id, Spec("lower", url: null), null);
        Assert.False(without!.HasWebhookSecret);
        Assert.Null(await rules.GetWebhookSecretAsync(rule.Id));

        Assert.True(await rules.DeleteAsync(rule.Id));
        Assert.Null(await rules.GetAsync(rule.Id));
        Assert.False(await rules.DeleteAsync(rule.Id));
        Assert.Null(await rules.UpdateAsync(rule.Id, Spec("x"), null));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task States_upsert_and_go_with_their_rule(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var rules = new AlertRuleRepository(db.Factory, TimeProvider.System);
        var rule = await rules.CreateAsync(Spec("states"), "secret-0123456789");
        var at = new DateTimeOffset(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
        await rules.SaveStatesAsync([new AlertRuleState(rule.Id, "cam-a", true, null, at), AlertRuleState.Initial(rule.Id, "cam-b")]);
        await rules.SaveStatesAsync([new AlertRuleState(rule.Id, "cam-b", false, at, null), AlertRuleState.Initial(Guid.NewGuid(), "gone")]);
        var states = (await rules.GetStatesAsync()).Where(s => s.RuleId == rule.Id).OrderBy(s => s.CameraId).ToList();
        Assert.Equal([new AlertRuleState(rule.Id, "cam-a", true, null, at), new AlertRuleState(rule.Id, "cam-b", false, at, null)], states);
        await rules.DeleteAsync(rule.Id);
        Assert.DoesNotContain(await rules.GetStatesAsync(), s => s.RuleId == rule.Id);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_outbox_keeps_events_once_and_logs_every_attempt(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var events = new AlertEventRepository(db.Factory, TimeProvider.System);
        var now = DateTimeOffset.UtcNow;
        var alert = new AlertEvent(Guid.CreateVersion7(), Guid.NewGuid(), "rule", AlertRuleKind.UnmaskedAbove, "cam", AlertEventStatus.Triggered,
            now, 7, """{"b":1,"a":2}""");
        AlertDeliveryTarget[] targets = [new(AlertChannel.Webhook, "https://h.example.com/x"), new(AlertChannel.Mqtt, "p/alerts/cam")];
        await events.RecordAsync(alert, targets);
        await events.RecordAsync(alert, targets);                                   // idempotent by event id
        var stored = await events.GetEventAsync(alert.Id);
        Assert.Equal("""{"b":1,"a":2}""", stored!.Payload);                          // exact bytes, key order kept
        var deliveries = await events.ListDeliveriesAsync(alert.Id, 10);
        Assert.Equal(2, deliveries.Count);
        Assert.All(deliveries, d => Assert.Equal(AlertDeliveryStatus.Pending, d.Status));

        var webhook = deliveries.Single(d => d.Channel == AlertChannel.Webhook);
        Assert.Contains(await events.GetDueAsync(now.AddSeconds(1), 100), d => d.Id == webhook.Id);
        await events.RecordAttemptAsync(webhook.Id, new AlertDeliveryAttempt(webhook.Id, 1, now, false, 503, "HTTP 503"),
            AlertDeliveryStatus.Pending, now.AddMinutes(5));
        Assert.DoesNotContain(await events.GetDueAsync(now.AddSeconds(1), 100), d => d.Id == webhook.Id);
        await events.RecordAttemptAsync(webhook.Id, new AlertDeliveryAttempt(webhook.Id, 2, now.AddMinutes(5), true, 200, null),
            AlertDeliveryStatus.Delivered, now.AddMinutes(5));
        var done = (await events.ListDeliveriesAsync(alert.Id, 10)).Single(d => d.Id == webhook.Id);
        Assert.Equal((AlertDeliveryStatus.Delivered, 2, 200), (done.Status, done.Attempts, done.LastStatusCode));
        Assert.DoesNotContain(await events.GetDueAsync(now.AddHours(1), 100), d => d.Id == webhook.Id);
        var attempts = await events.ListAttemptsAsync(webhook.Id);
        Assert.Equal([false, true], attempts.Select(a => a.Succeeded));

        Assert.True(await events.PurgeAsync(now.AddSeconds(1)) >= 1);
        Assert.Null(await events.GetEventAsync(alert.Id));
        Assert.Empty(await events.ListDeliveriesAsync(alert.Id, 10));
        Assert.Empty(await events.ListAttemptsAsync(webhook.Id));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_lease_has_one_holder_until_it_expires_or_is_released(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var lease = new AlertLease(db.Factory);
        var name = "lease-" + Guid.NewGuid().ToString("N")[..8];
        var now = DateTimeOffset.UtcNow;
        var duration = TimeSpan.FromSeconds(30);
        Assert.True(await lease.TryAcquireAsync(name, "a", now, duration));
        Assert.False(await lease.TryAcquireAsync(name, "b", now.AddSeconds(10), duration));
        Assert.True(await lease.TryAcquireAsync(name, "a", now.AddSeconds(20), duration));      // renewed to +50 s
        Assert.False(await lease.TryAcquireAsync(name, "b", now.AddSeconds(45), duration));
        Assert.True(await lease.TryAcquireAsync(name, "b", now.AddSeconds(51), duration));      // expired: taken over
        Assert.False(await lease.TryAcquireAsync(name, "a", now.AddSeconds(52), duration));
        await lease.ReleaseAsync(name, "b");
        Assert.True(await lease.TryAcquireAsync(name, "a", now.AddSeconds(53), duration));

        // Two servers racing for a fresh lease: exactly one wins.
        var fresh = "race-" + Guid.NewGuid().ToString("N")[..8];
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => lease.TryAcquireAsync(fresh, $"s{i}", now, duration)));
        Assert.Equal(1, results.Count(r => r));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Window_totals_sum_the_minute_buckets_inside_the_window(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var camera = Samples.CameraId("window");
        var minute = new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero);
        await db.Compliance().ApplyAsync([
            new ComplianceDelta(Guid.NewGuid(), camera, minute.AddMinutes(-11), 9, 9, 0, 0),        // outside
            new ComplianceDelta(Guid.NewGuid(), camera, minute.AddMinutes(-10), 5, 3, 2, 0),
            new ComplianceDelta(Guid.NewGuid(), camera, minute.AddMinutes(-1), 4, 1, 2, 1),
            new ComplianceDelta(Guid.NewGuid(), camera, minute, 7, 7, 0, 0),                          // [from, to): excluded
        ]);
        var totals = await new ComplianceWindowReader(db.Factory).GetTotalsAsync(minute.AddMinutes(-10), minute);
        var mine = Assert.Single(totals, t => t.CameraId == camera);
        Assert.Equal((9L, 4L, 4L, 8L), (mine.People, mine.Masked, mine.Unmasked, mine.Assessed));
    }
}
