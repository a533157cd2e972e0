using CctvMask.Storage.Alerts.Entities;
using CctvMask.Storage.Database;
using Microsoft.EntityFrameworkCore;

namespace CctvMask.Storage.Alerts;

/// <summary>
/// Alert rules and their per-camera states (singleton; a short-lived DbContext per call).
/// <code>
/// Task&lt;IReadOnlyList&lt;AlertRule&gt;&gt; ListAsync(bool enabledOnly = false, CancellationToken ct = default)  // oldest first
/// Task&lt;AlertRule?&gt; GetAsync(Guid id, CancellationToken ct = default)
/// Task&lt;AlertRule&gt;  CreateAsync(AlertRuleSpec spec, string? webhookSecret, CancellationToken ct = default)
/// Task&lt;AlertRule?&gt; UpdateAsync(Guid id, AlertRuleSpec spec, string? webhookSecret, CancellationToken ct = default) // null secret = keep
/// Task&lt;bool&gt;       DeleteAsync(Guid id, CancellationToken ct = default)                                   // states go with it
/// Task&lt;string?&gt;    GetWebhookSecretAsync(Guid id, CancellationToken ct = default)                         // the only reader of the (protected) secret
/// Task&lt;IReadOnlyList&lt;AlertRuleState&gt;&gt; GetStatesAsync(CancellationToken ct = default)
/// Task SaveStatesAsync(IReadOnlyCollection&lt;AlertRuleState&gt; states, CancellationToken ct = default)       // upsert
/// </code>
/// The secret is write-only: no returned type carries it. The repository stores it as given: the server hands it
/// ciphertext (ASP.NET Core Data Protection) and decrypts what <see cref="GetWebhookSecretAsync"/> returns. Validation of the values is the API's job;
/// the repository checks only what the columns need.
/// </summary>
public sealed class AlertRuleRepository(CctvDbContextFactory factory, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<AlertRule>> ListAsync(bool enabledOnly = false, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var query = db.Set<AlertRuleEntity>().AsQueryable();
        if (enabledOnly) query = query.Where(r => r.Enabled);
        var rows = await query.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(ToRecord);
    }

    public async Task<AlertRule?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var row = await db.Set<AlertRuleEntity>().FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        return row is null ? null : ToRecord(row);
    }

    public async Task<AlertRule> CreateAsync(AlertRuleSpec spec, string? webhookSecret, CancellationToken cancellationToken = default)
    {
        Check(spec, webhookSecret);
        var now = StorageTime.ToDb(timeProvider.GetUtcNow());
        var row = new AlertRuleEntity { Id = Guid.CreateVersion7(), Name = spec.Name, CreatedAt = now };
        Apply(row, spec, webhookSecret, now);
        await using var db = factory.CreateDbContext();
        db.Add(row);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToRecord(row);
    }

    public async Task<AlertRule?> UpdateAsync(Guid id, AlertRuleSpec spec, string? webhookSecret, CancellationToken cancellationToken = default)
    {
        Check(spec, webhookSecret);
        await using var db = factory.CreateDbContext();
        var row = await db.Set<AlertRuleEntity>().AsTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken).ConfigureAwait(false);
        if (row is null) return null;
        var scopeChanged = row.Kind != spec.Kind || row.Scope != spec.Scope || row.CameraId != spec.CameraId;
        Apply(row, spec, webhookSecret ?? row.WebhookSecret, StorageTime.ToDb(timeProvider.GetUtcNow()));
        if (scopeChanged)
        {
            // A rule that now watches something else starts from a clean state.
            await db.Set<AlertRuleStateEntity>().Where(s => s.RuleId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return ToRecord(row);
    }

    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        await db.Set<AlertRuleStateEntity>().Where(s => s.RuleId == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return await db.Set<AlertRuleEntity>().Where(r => r.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>The rule's webhook secret (null when it has none or is gone); for signing only.</summary>
    public async Task<string?> GetWebhookSecretAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        return await db.Set<AlertRuleEntity>().Where(r => r.Id == id).Select(r => r.WebhookSecret)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every stored (protected) webhook secret with its rule id, to re-encrypt values stored before encryption.</summary>
    public async Task<IReadOnlyList<(Guid RuleId, string Stored)>> ListWebhookSecretsAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.Set<AlertRuleEntity>().Where(r => r.WebhookSecret != null).Select(r => new { r.Id, r.WebhookSecret })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(r => (r.Id, r.WebhookSecret!));
    }

    /// <summary>Replaces the stored secret only if it still is <paramref name="expected"/> (a concurrent PUT wins).</summary>
    public async Task<bool> ReplaceWebhookSecretAsync(Guid id, string expected, string replacement, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(replacement);
        if (replacement.Length > AlertLimits.ProtectedSecretMaxLength)
            throw new ArgumentException($"A protected webhook secret has at most {AlertLimits.ProtectedSecretMaxLength} characters.", nameof(replacement));
        await using var db = factory.CreateDbContext();
        return await db.Set<AlertRuleEntity>().Where(r => r.Id == id && r.WebhookSecret == expected)
            .ExecuteUpdateAsync(u => u.SetProperty(r => r.WebhookSecret, replacement), cancellationToken).ConfigureAwait(false) > 0;
    }

    public async Task<IReadOnlyList<AlertRuleState>> GetStatesAsync(CancellationToken cancellationToken = default)
    {
        await using var db = factory.CreateDbContext();
        var rows = await db.Set<AlertRuleStateEntity>().ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.ConvertAll(s => new AlertRuleState(
            s.RuleId, s.CameraId, s.Firing,
            s.PendingSince is { } c ? StorageTime.FromDb(c) : null,
            s.LastTriggeredAt is { } t ? StorageTime.FromDb(t) : null));
    }

    /// <summary>Inserts or replaces the given states (of rules that still exist; others are skipped).</summary>
    public async Task SaveStatesAsync(IReadOnlyCollection<AlertRuleState> states, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(states);
        if (states.Count == 0) return;
        var now = StorageTime.ToDb(timeProvider.GetUtcNow());
        await using var db = factory.CreateDbContext();
        var ruleIds = states.Select(s => s.RuleId).Distinct().ToList();
        var live = (await db.Set<AlertRuleEntity>().Where(r => ruleIds.Contains(r.Id)).Select(r => r.Id)
            .ToListAsync(cancellationToken).ConfigureAwait(false)).ToHashSet();
        var existing = await db.Set<AlertRuleStateEntity>().AsTracking().Where(s => ruleIds.Contains(s.RuleId))
            .ToDictionaryAsync(s => (s.RuleId, s.CameraId), cancellationToken).ConfigureAwait(false);
        foreach (var state in states)
        {
            if (!live.Contains(state.RuleId)) continue;
            if (!existing.TryGetValue((state.RuleId, state.CameraId), out var row))
            {
                row = new AlertRuleStateEntity { RuleId = state.RuleId, CameraId = state.CameraId };
                db.Add(row);
                existing[(state.RuleId, state.CameraId)] = row;
            }
            row.Firing = state.Firing;
            row.PendingSince = state.PendingSince is { } c ? StorageTime.ToDb(c) : null;
            row.LastTriggeredAt = state.LastTriggeredAt is { } t ? StorageTime.ToDb(t) : null;
            row.UpdatedAt = now;
        }
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    private static void Check(AlertRuleSpec spec, string? secret)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (string.IsNullOrWhiteSpace(spec.Name) || spec.Name.Length > AlertLimits.NameMaxLength)
            throw new ArgumentException($"An alert rule name has 1–{AlertLimits.NameMaxLength} characters.", nameof(spec));
        if (spec.CameraId is not null && !Cameras.CameraRepository.IsValidId(spec.CameraId))
            throw new ArgumentException("The rule's camera id is invalid.", nameof(spec));
        if (!Enum.IsDefined(spec.Scope) || (spec.Scope == AlertRuleScope.Camera) != (spec.CameraId is not null))
            throw new ArgumentException("A camera-scoped rule names its camera; an eachCamera or fleet rule names none.", nameof(spec));
        if (spec.WebhookUrl is { Length: > AlertLimits.UrlMaxLength })
            throw new ArgumentException($"A webhook URL has at most {AlertLimits.UrlMaxLength} characters.", nameof(spec));
        if (secret is { Length: > AlertLimits.ProtectedSecretMaxLength })
            throw new ArgumentException($"A protected webhook secret has at most {AlertLimits.ProtectedSecretMaxLength} characters.", nameof(secret));
    }

    private static void Apply(AlertRuleEntity row, AlertRuleSpec spec, string? secret, DateTime now)
    {
        row.Name = spec.Name;
        row.Kind = spec.Kind;
        row.Scope = spec.Scope;
        row.CameraId = spec.CameraId;
        row.Threshold = spec.Threshold;
        row.WindowMinutes = spec.WindowMinutes;
        row.MinPeople = spec.MinPeople;
        row.Hysteresis = spec.Hysteresis;
        row.CooldownSeconds = spec.CooldownSeconds;
        row.Enabled = spec.Enabled;
        row.WebhookUrl = spec.WebhookUrl;
        // No webhook, no secret: a secret is only kept while there is a URL to sign for.
        row.WebhookSecret = spec.WebhookUrl is null ? null : secret;
        row.Mqtt = spec.Mqtt;
        row.UpdatedAt = now;
    }

    private static AlertRule ToRecord(AlertRuleEntity r) => new(
        r.Id,
        new AlertRuleSpec(r.Name, r.Kind, r.Scope, r.CameraId, r.Threshold, r.WindowMinutes, r.MinPeople, r.Hysteresis,
            r.CooldownSeconds, r.Enabled, r.WebhookUrl, r.Mqtt),
        r.WebhookSecret is { Length: > 0 },
        StorageTime.FromDb(r.CreatedAt), StorageTime.FromDb(r.UpdatedAt));
}
