namespace CctvMask.Server.Tests.Infrastructure;

/// <summary>API tests share one server (starting a silo per class would cost seconds each).</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<SqliteServerFixture>
{
    public const string Name = "api";
}
