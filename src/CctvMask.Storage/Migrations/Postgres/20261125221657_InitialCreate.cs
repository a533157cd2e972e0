using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvMask.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "applied_events",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    applied_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_applied_events", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "cameras",
                columns: table => new
                {
                    id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    url = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    detect_fps = table.Column<double>(type: "double precision", nullable: false),
                    analysis_width = table.Column<int>(type: "integer", nullable: false),
                    analysis_height = table.Column<int>(type: "integer", nullable: false),
                    zones = table.Column<string>(type: "jsonb", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cameras", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_buckets",
                columns: table => new
                {
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    bucket_start = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    people = table.Column<long>(type: "bigint", nullable: false),
                    masked = table.Column<long>(type: "bigint", nullable: false),
                    unmasked = table.Column<long>(type: "bigint", nullable: false),
                    unknown = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_compliance_buckets", x => new { x.camera_id, x.bucket_start });
                });

            migrationBuilder.CreateTable(
                name: "violations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    camera_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    occurred_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    track_id = table.Column<long>(type: "bigint", nullable: false),
                    confidence = table.Column<float>(type: "real", nullable: false),
                    face_x = table.Column<int>(type: "integer", nullable: false),
                    face_y = table.Column<int>(type: "integer", nullable: false),
                    face_width = table.Column<int>(type: "integer", nullable: false),
                    face_height = table.Column<int>(type: "integer", nullable: false),
                    face_jpeg = table.Column<byte[]>(type: "bytea", nullable: false),
                    has_snapshot = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_violations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "violation_snapshots",
                columns: table => new
                {
                    violation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    jpeg = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_violation_snapshots", x => x.violation_id);
                    table.ForeignKey(
                        name: "FK_violation_snapshots_violations_violation_id",
                        column: x => x.violation_id,
                        principalTable: "violations",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_applied_events_applied_at",
                table: "applied_events",
                column: "applied_at");

            migrationBuilder.CreateIndex(
                name: "IX_compliance_buckets_bucket_start",
                table: "compliance_buckets",
                column: "bucket_start");

            migrationBuilder.CreateIndex(
                name: "IX_violations_camera_id_occurred_at_id",
                table: "violations",
                columns: new[] { "camera_id", "occurred_at", "id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_violations_occurred_at_id",
                table: "violations",
                columns: new[] { "occurred_at", "id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applied_events");

            migrationBuilder.DropTable(
                name: "cameras");

            migrationBuilder.DropTable(
                name: "compliance_buckets");

            migrationBuilder.DropTable(
                name: "violation_snapshots");

            migrationBuilder.DropTable(
                name: "violations");
        }
    }
}
