using CctvMask.Dashboard.Hosting;
using CctvMask.Server.Auth;
using CctvMask.Server.Cameras;
using CctvMask.Server.Compliance;
using CctvMask.Server.Detect;
using CctvMask.Server.Fleet;
using CctvMask.Server.Health;
using CctvMask.Server.Hosting;
using CctvMask.Server.Inference;
using CctvMask.Server.Telemetry;
using CctvMask.Server.Violations;

var builder = WebApplication.CreateBuilder(args);
builder.AddCctvLogging();
builder.AddCctvHosting();
builder.AddCctvInference();
builder.AddCctvOrleans();
builder.AddCctvStorage();
builder.AddCctvApiAuth();
builder.AddCctvTelemetry();
builder.AddCctvHealth();
builder.AddCctvApiDocs();
builder.AddCctvCameras();
builder.AddCctvViolations();
builder.AddCctvCompliance();
builder.AddCctvDetect();
builder.Services.AddCctvDashboard();

var app = builder.Build();
app.UseCctvErrorHandling();
app.UseCctvApiAuth();
app.MapCamerasApi();
app.MapFleetApi();
app.MapViolationsApi();
app.MapComplianceApi();
app.MapDetectApi();
app.MapHealth();
app.MapMetrics();
app.MapApiDocs();
app.MapCctvDashboard();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
