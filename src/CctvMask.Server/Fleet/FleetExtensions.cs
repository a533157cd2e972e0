namespace CctvMask.Server.Fleet;

/// <summary>Services of the fleet API.</summary>
public static class FleetExtensions
{
    public static WebApplicationBuilder AddCctvFleet(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<FleetCameraCache>();
        return builder;
    }
}
