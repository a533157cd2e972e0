using CctvMask.Server.Tests.Infrastructure;

namespace CctvMask.Server.Tests.Cameras;

/// <summary>Camera CRUD on the embedded default (SQLite file in the data folder).</summary>
[Collection(ApiCollection.Name)]
public sealed class SqliteCameraCrudTests(SqliteServerFixture fixture) : CameraCrudTests(fixture.Factory);
