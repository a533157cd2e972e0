using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>Camera CRUD with Storage:Provider=Postgres (needs CCTVMASK_TEST_POSTGRES).</summary>
public sealed class PostgresCameraCrudTests(PostgresServerFixture fixture)
    : CameraCrudTests(fixture.Factory), IClassFixture<PostgresServerFixture>;
