using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CctvMask.Storage.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PrivacyAudit : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "privacy_mode",
                table: "violations",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "evidence");

            migrationBuilder.AddColumn<string>(
                name: "privacy_mode",
                table: "cameras",
                type: "TEXT",
                maxLength: 16,
                nullable: false,
                defaultValue: "evidence");

            migrationBuilder.AddColumn<int>(
                name: "retention_days",
                table: "cameras",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    key_name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    remote_address = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    outcome = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_log", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_audit_log_at_id",
                table: "audit_log",
                columns: new[] { "at", "id" },
                descending: new bool[0]);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "audit_log");

            migrationBuilder.DropColumn(
                name: "privacy_mode",
                table: "violations");

            migrationBuilder.DropColumn(
                name: "privacy_mode",
                table: "cameras");

            migrationBuilder.DropColumn(
                name: "retention_days",
                table: "cameras");
        }
    }
}
