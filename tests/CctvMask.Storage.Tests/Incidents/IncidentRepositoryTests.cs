using CctvMask.Storage.Hosting;
using CctvMask.Storage.Incidents;
using CctvMask.Storage.Tests.Fixtures;
using CctvMask.Storage.Violations;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace CctvMask.Storage.Tests.Incidents;

public sealed class IncidentRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Violations_close_in_time_form_one_incident_per_camera_with_counts(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var (violations, incidents) = (db.Violations(), Incidents(db));
        var (a, b) = (Samples.CameraId("a"), Samples.CameraId("b"));
        var t0 = Samples.BaseTime();
        // Camera a: three within the 120 s window of each other (written out of order, in two batches), then one
        // 10 minutes later; camera b: one at the same time as a's first.
        await violations.InsertAsync([Samples.Violation(a, t0.AddSeconds(100), 1), Samples.Violation(a, t0, 2), Samples.Violation(b, t0, 3)]);
        await violations.InsertAsync([Samples.Violation(a, t0.AddSeconds(200), 4), Samples.Violation(a, t0.AddMinutes(10), 5)]);

        var page = await incidents.GetPageAsync(new IncidentQuery(a));
        Assert.Equal(2, page.Total);
        var (latest, first) = (page.Items[0], page.Items[1]);
        Assert.Equal((1, t0.AddMinutes(10)), (latest.ViolationCount, latest.StartedAt));
        Assert.Equal((3, t0, t0.AddSeconds(200), IncidentState.Open), (first.ViolationCount, first.StartedAt, first.LastAt, first.State));
        var ofFirst = await violations.GetPageAsync(new ViolationQuery(IncidentId: first.Id));
        Assert.Equal(3, ofFirst.Total);
        Assert.Equal(first.FirstViolationId, ofFirst.Items[^1].Id);
        Assert.All(ofFirst.Items, v => Assert.Equal(first.Id, v.IncidentId));
        Assert.Equal(1, (await incidents.GetPageAsync(new IncidentQuery(b))).Total);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task A_review_is_stored_with_who_and_when_filters_by_state_and_closes_the_incident(StorageProvider provider)
    {
        var db = await fixture.GetAsync(provider);
        var (violations, incidents) = (db.Violations(), Incidents(db));
        var camera = Samples.CameraId();
        var t0 = Samples.BaseTime();
        await violations.InsertAsync([Samples.Violation(camera, t0, 1)]);
        var incident = Assert.Single((await incidents.GetPageAsync(new IncidentQuery(camera))).Items);

        var reviewedAt = t0.AddMinutes(1);
        var reviewed = await incidents.ReviewAsync(incident.Id, new IncidentReview(IncidentState.Acknowledged, "night shift", reviewedAt, "seen on site"));
        Assert.Equal((IncidentState.Acknowledged, "night shift", reviewedAt, "seen on site"),
            (reviewed!.State, reviewed.ReviewedBy, reviewed.ReviewedAt, reviewed.ReviewNote));
        Assert.Equal(IncidentState.Acknowledged, (await incidents.GetAsync(incident.Id))!.State);
        Assert.Null(await incidents.ReviewAsync(Guid.NewGuid(), new IncidentReview(IncidentState.Dismissed, "x", reviewedAt)));

        // Reviewed incidents do not grow: a violation within the window opens a new one.
        await violations.InsertAsync([Samples.Violation(camera, t0.AddSeconds(30), 2)]);
        Assert.Equal(1, (await incidents.GetPageAsync(new IncidentQuery(camera, IncidentState.Open))).Total);
        Assert.Equal(1, (await incidents.GetPageAsync(new IncidentQuery(camera, IncidentState.Acknowledged))).Total);
        Assert.Equal(0, (await incidents.GetPageAsync(new IncidentQuery(camera, IncidentState.Dismissed))).Total);
        await Assert.ThrowsAsync<ArgumentException>(() => incidents.ReviewAsync(incident.Id,
            new IncidentReview(IncidentState.Dismissed, new string('x', IncidentLimits.ReviewerMaxLength + 1), reviewedAt)));
    }

    [Theory]
    [InlineData(IncidentState.Open, 0, true)]
    [InlineData(IncidentState.Open, 120, true)]
    [InlineData(IncidentState.Open, 121, false)]
    [InlineData(IncidentState.Open, -120, true)]
    [InlineData(IncidentState.Open, -121, false)]
    [InlineData(IncidentState.Acknowledged, 1, false)]
    [InlineData(IncidentState.Dismissed, 1, false)]
    public void The_grouping_rule_joins_open_incidents_within_the_window_of_their_span(IncidentState state, int secondsAfterLast, bool joins)
    {
        var start = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        var last = start.AddMinutes(5);
        var at = secondsAfterLast >= 0 ? last.AddSeconds(secondsAfterLast) : start.AddSeconds(secondsAfterLast);
        Assert.Equal(joins, IncidentGrouping.Joins(state, start, last, at, TimeSpan.FromSeconds(120)));
    }

    private static IncidentRepository Incidents(TestDatabase db) => new(db.Factory, MsOptions.Create(db.Options));
}
