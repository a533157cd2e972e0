using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>Camera settings with Storage:Provider=Postgres (needs CCTVMASK_TEST_POSTGRES).</summary>
public sealed class PostgresCameraSettingsTests(PostgresServerFixture fixture)
    : CameraSettingsTests(fixture.Factory), IClassFixture<PostgresServerFixture>;
