using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace CctvMask.Server.Telemetry;

/// <summary>Serilog to the console: text for people, compact JSON in Production or with Logging:Json.</summary>
public static class LoggingExtensions
{
    public static WebApplicationBuilder AddCctvLogging(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(LoggingOptions.SectionName).Get<LoggingOptions>() ?? new();
        var json = options.Json ?? builder.Environment.IsProduction();
        var configuration = builder.Configuration;

        builder.Logging.ClearProviders();
        // writeToProviders: providers registered later (tests capture logs that way) see every event.
        // preserveStaticLogger: each host keeps its own logger. Otherwise every host swaps the process-wide
        // Log.Logger that its loggers bind to when created, and closes it on shutdown, so a second in-process
        // server (tests) took the first one's log lines, then silenced them when it stopped.
        builder.Services.AddSerilog((services, log) =>
        {
            log.MinimumLevel.Information()
                .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
                .MinimumLevel.Override("Orleans", LogEventLevel.Warning)
                .MinimumLevel.Override("System.Net.Http", LogEventLevel.Warning)
                .MinimumLevel.Override("Polly", LogEventLevel.Warning)
                .ReadFrom.Configuration(configuration)
                .Enrich.FromLogContext()
                .Enrich.With<CredentialScrubbingEnricher>();
            if (json)
                log.WriteTo.Console(new RenderedCompactJsonFormatter());
            else
                log.WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}");
        }, preserveStaticLogger: true, writeToProviders: true);
        return builder;
    }
}
