using CctvMask.Abstractions.Violations;
using CctvMask.Storage.Hosting;
using CctvMask.Storage.Tests.Fixtures;

namespace CctvMask.Storage.Tests.Violations;

/// <summary>The violation kind column (migration ViolationKind) on both providers.</summary>
public sealed class ViolationKindStorageTests(DatabaseFixture fixture) : IClassFixture<DatabaseFixture>
{
    [Theory]
    [InlineData(StorageProvider.Sqlite)]
    [InlineData(StorageProvider.Postgres)]
    public async Task The_kind_round_trips_and_defaults_to_unmasked(StorageProvider provider)
    {
        var repo = (await fixture.GetAsync(provider)).Violations();
        var camera = Samples.CameraId();
        var at = Samples.BaseTime();
        var incorrect = Samples.Violation(camera, at, 1) with { Kind = ViolationKind.Incorrect };
        var unmasked = Samples.Violation(camera, at.AddSeconds(1), 2);
        Assert.Equal(2, await repo.InsertAsync([incorrect, unmasked]));

        Assert.Equal(ViolationKinds.Incorrect, (await repo.GetAsync(incorrect.EventId))!.Kind);
        Assert.Equal(ViolationKinds.Unmasked, (await repo.GetAsync(unmasked.EventId))!.Kind);
        var page = await repo.GetPageAsync(new CctvMask.Storage.Violations.ViolationQuery(camera, Limit: 10));
        Assert.Equal([ViolationKinds.Unmasked, ViolationKinds.Incorrect], page.Items.Select(v => v.Kind));
    }
}
