using CctvMask.Dashboard.Hosting;
using CctvMask.Server.Alerts;
using CctvMask.Server.ApiDocs;
using CctvMask.Server.Audit;
using CctvMask.Server.Auth;
using CctvMask.Server.Cameras;
using CctvMask.Server.Compliance;
using CctvMask.Server.Detect;
using CctvMask.Server.Fleet;
using CctvMask.Server.Health;
using CctvMask.Server.Hosting;
using CctvMask.Server.Incidents;
using CctvMask.Server.Inference;
using CctvMask.Server.KeyRing;
using CctvMask.Server.Telemetry;
using CctvMask.Server.Violations;

var builder = WebApplication.CreateBuilder(args);
builder.AddCctvLogging();
builder.AddCctvHosting();
builder.AddCctvInference();
// Storage before Orleans: hosted services start in this order and stop in reverse, so the schema is
// migrated before the silo and its reconciler start, and on shutdown the grains flush their last counts
// into the write-behind store before it stops (the other way round, a rolling update dropped them).
builder.AddCctvStorage();
builder.AddCctvKeyRing();
builder.AddCctvOrleans();
builder.AddCctvApiAuth();
builder.AddCctvAudit();
builder.AddCctvTelemetry();
builder.AddCctvHealth();
builder.AddCctvApiDocs();
builder.AddCctvCameras();
builder.AddCctvFleet();
builder.AddCctvViolations();
builder.AddCctvCompliance();
builder.AddCctvDetect();
builder.AddCctvAlerts();
builder.Services.AddCctvDashboard();

var app = builder.Build();
app.UseCctvErrorHandling();
app.UseCctvApiAuth();
app.UseCctvApiDocs();
app.MapCamerasApi();
app.MapFleetApi();
app.MapViolationsApi();
app.MapIncidentsApi();
app.MapComplianceApi();
app.MapComplianceExportApi();
app.MapAuditApi();
app.MapDetectApi();
app.MapAlertsApi();
app.MapHealth();
app.MapMetrics();
app.MapApiDocs();
app.MapCctvDashboard();
app.Run();

/// <summary>Entry point marker for WebApplicationFactory in tests.</summary>
public partial class Program;
