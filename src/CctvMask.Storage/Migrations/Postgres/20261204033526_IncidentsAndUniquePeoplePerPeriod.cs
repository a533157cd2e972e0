using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvMask.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class IncidentsAndUniquePeoplePerPeriod : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropPrimaryKey(
                name: "PK_compliance_buckets",
                table: "compliance_buckets");

            migrationBuilder.AddColumn<Guid>(
                name: "incident_id",
                table: "violations",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "granularity",
                table: "compliance_buckets",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddPrimaryKey(
                name: "PK_compliance_buckets",
                table: "compliance_buckets",
                columns: new[] { "camera_id", "granularity", "bucket_start" });

            migrationBuilder.CreateTable(
                name: "incidents",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    started_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    violation_count = table.Column<int>(type: "integer", nullable: false),
                    first_violation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    reviewed_by = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    reviewed_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    review_note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_incidents", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_violations_incident_id_occurred_at",
                table: "violations",
                columns: new[] { "incident_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_camera_id_last_at",
                table: "incidents",
                columns: new[] { "camera_id", "last_at" });

            migrationBuilder.CreateIndex(
                name: "IX_incidents_last_at",
                table: "incidents",
                column: "last_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "incidents");

            // Hour and day rows would collide on the old (camera, minute) key.
            migrationBuilder.Sql("DELETE FROM \"compliance_buckets\" WHERE \"granularity\" <> 0;");

            migrationBuilder.DropIndex(
                name: "IX_violations_incident_id_occurred_at",
                table: "violations");

            migrationBuilder.DropPrimaryKey(
                name: "PK_compliance_buckets",
                table: "compliance_buckets");

            migrationBuilder.DropColumn(
                name: "incident_id",
                table: "violations");

            migrationBuilder.DropColumn(
                name: "granularity",
                table: "compliance_buckets");

            migrationBuilder.AddPrimaryKey(
                name: "PK_compliance_buckets",
                table: "compliance_buckets",
                columns: new[] { "camera_id", "bucket_start" });
        }
    }
}
