using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvMask.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AlertScopeAndKeyRing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "scope",
                table: "alert_rules",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "EachCamera");

            // Before scopes, a rule with a camera id watched that camera and one without watched each camera on its own.
            migrationBuilder.Sql("UPDATE alert_rules SET scope = 'Camera' WHERE camera_id IS NOT NULL;");

            migrationBuilder.CreateTable(
                name: "data_protection_keys",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    friendly_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    xml = table.Column<string>(type: "text", nullable: false),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_data_protection_keys", x => x.id);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "data_protection_keys");

            migrationBuilder.DropColumn(
                name: "scope",
                table: "alert_rules");
        }
    }
}
