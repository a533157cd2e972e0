using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>Camera settings on the embedded default (SQLite file in the data folder).</summary>
[Collection(ApiCollection.Name)]
public sealed class SqliteCameraSettingsTests(SqliteServerFixture fixture) : CameraSettingsTests(fixture.Factory);
