using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvMask.Storage.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class CameraAnalysisSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Existing cameras get the defaults of CameraSettingLimits as they were when this migration
            // was written (hand-edited: EF would give false/0). Literals, not the constants: a migration
            // must keep meaning what it meant when it ran.
            migrationBuilder.AddColumn<bool>(
                name: "motion_gating",
                table: "cameras",
                type: "boolean",
                nullable: false,
                defaultValue: true);

            migrationBuilder.AddColumn<int>(
                name: "small_face_long_side",
                table: "cameras",
                type: "integer",
                nullable: false,
                defaultValue: 960);

            migrationBuilder.AddColumn<bool>(
                name: "small_face_pass",
                table: "cameras",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "motion_gating",
                table: "cameras");

            migrationBuilder.DropColumn(
                name: "small_face_long_side",
                table: "cameras");

            migrationBuilder.DropColumn(
                name: "small_face_pass",
                table: "cameras");
        }
    }
}
