using CctvMask.Storage.Cameras;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;

namespace CctvMask.Storage.Tests.Cameras;

public sealed class CameraRepositoryTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    private static readonly CameraZone Door = new("door", [new(0.1f, 0.1f), new(0.5f, 0.1f), new(0.3f, 0.6f)]);

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Create_get_update_enable_delete_round_trip(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Cameras();
        var id = Samples.CameraId("lobby");
        var spec = new CameraSpec("Lobby", "rtsp://user:secret@10.0.0.5/stream", true, 7.5, 800, 450, [Door]);

        var created = await repo.CreateAsync(id, spec);
        var read = await repo.GetAsync(id);

        Assert.NotNull(read);
        Assert.Equal(created.CreatedAt, read.CreatedAt);
        Assert.Equal(spec.Url, read.Url);
        Assert.Equal(7.5, read.DetectFps);
        Assert.Equal((800, 450), (read.AnalysisWidth, read.AnalysisHeight));
        var zone = Assert.Single(read.Zones);
        Assert.Equal(Door.Name, zone.Name);
        Assert.Equal(Door.Points, zone.Points);

        var updated = await repo.UpdateAsync(id, spec with { Name = "Lobby east", Zones = null, Enabled = false });
        Assert.NotNull(updated);
        Assert.Equal("Lobby east", (await repo.GetAsync(id))!.Name);
        Assert.Empty((await repo.GetAsync(id))!.Zones);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);

        Assert.DoesNotContain(await repo.ListAsync(enabledOnly: true), c => c.Id == id);
        Assert.True(await repo.SetEnabledAsync(id, true));
        Assert.Contains(await repo.ListAsync(enabledOnly: true), c => c.Id == id);

        Assert.True(await repo.DeleteAsync(id));
        Assert.Null(await repo.GetAsync(id));
        Assert.False(await repo.DeleteAsync(id));
        Assert.False(await repo.SetEnabledAsync(id, false));
        Assert.Null(await repo.UpdateAsync(id, spec));
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Analysis_settings_round_trip_and_default_when_not_given(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Cameras();
        var id = Samples.CameraId("settings");

        var defaults = await repo.CreateAsync(id, new CameraSpec("Gate", "rtsp://h/gate"));
        Assert.Equal(
            (CameraSettingLimits.DefaultMotionGating, CameraSettingLimits.DefaultSmallFacePass, CameraSettingLimits.DefaultSmallFaceLongSide),
            (defaults.MotionGating, defaults.SmallFacePass, defaults.SmallFaceLongSide));

        await repo.UpdateAsync(id, new CameraSpec("Gate", "rtsp://h/gate", MotionGating: false, SmallFacePass: true, SmallFaceLongSide: 1280));
        var read = await repo.GetAsync(id);
        Assert.NotNull(read);
        Assert.Equal((false, true, 1280), (read.MotionGating, read.SmallFacePass, read.SmallFaceLongSide));
        Assert.Contains(await repo.ListAsync(), c => c.Id == id && !c.MotionGating && c.SmallFacePass && c.SmallFaceLongSide == 1280);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task List_is_ordered_by_id(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Cameras();
        var prefix = Samples.CameraId("ord");
        foreach (var suffix in new[] { "c", "a", "b" })
            await repo.CreateAsync($"{prefix}-{suffix}", new CameraSpec("x", "rtsp://h/s"));

        var ids = (await repo.ListAsync()).Select(c => c.Id).Where(i => i.StartsWith(prefix, StringComparison.Ordinal)).ToList();

        Assert.Equal([$"{prefix}-a", $"{prefix}-b", $"{prefix}-c"], ids);
    }

    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task Creating_an_existing_id_is_a_conflict(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Cameras();
        var id = Samples.CameraId();
        await repo.CreateAsync(id, new CameraSpec("one", "rtsp://h/1"));

        var ex = await Assert.ThrowsAsync<DuplicateCameraException>(() => repo.CreateAsync(id, new CameraSpec("two", "rtsp://h/2")));

        Assert.Equal(id, ex.CameraId);
        Assert.Equal("one", (await repo.GetAsync(id))!.Name);
    }

    [Theory]
    [InlineData("Upper")]
    [InlineData("-leading")]
    [InlineData("has space")]
    [InlineData("")]
    public async Task Invalid_ids_are_rejected_and_never_found(string id)
    {
        var repo = (await fixture.GetAsync(StorageProvider.Sqlite)).Cameras();

        await Assert.ThrowsAsync<ArgumentException>(() => repo.CreateAsync(id, new CameraSpec("x", "rtsp://h/s")));
        Assert.Null(await repo.GetAsync(id));
        Assert.False(CameraRepository.IsValidId(id));
    }

    public static TheoryData<CameraSpec> InvalidSpecs() =>
    [
        new CameraSpec("", "rtsp://h/s"),
        new CameraSpec("x", "not a url"),
        new CameraSpec("x", "rtsp://h/s", DetectFps: 0),
        new CameraSpec("x", "rtsp://h/s", DetectFps: 61),
        new CameraSpec("x", "rtsp://h/s", AnalysisWidth: 8),
        new CameraSpec("x", "rtsp://h/s", Zones: [new CameraZone("z", [new(0, 0), new(1, 1)])]),
        new CameraSpec("x", "rtsp://h/s", Zones: [new CameraZone("z", [new(0, 0), new(1, 1), new(1.5f, 0)])]),
        new CameraSpec("x", "rtsp://h/s", SmallFaceLongSide: CameraSettingLimits.MinSmallFaceLongSide - CameraSettingLimits.SmallFaceLongSideStep),
        new CameraSpec("x", "rtsp://h/s", SmallFaceLongSide: CameraSettingLimits.MaxSmallFaceLongSide + CameraSettingLimits.SmallFaceLongSideStep),
        new CameraSpec("x", "rtsp://h/s", SmallFaceLongSide: CameraSettingLimits.DefaultSmallFaceLongSide + 1),
    ];

    [Theory]
    [MemberData(nameof(InvalidSpecs))]
    public async Task Invalid_specs_are_rejected_with_a_clear_message(CameraSpec spec)
    {
        var repo = (await fixture.GetAsync(StorageProvider.Sqlite)).Cameras();
        var id = Samples.CameraId();

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => repo.CreateAsync(id, spec));

        Assert.Equal("spec", ex.ParamName);
        Assert.Null(await repo.GetAsync(id));
    }
}
