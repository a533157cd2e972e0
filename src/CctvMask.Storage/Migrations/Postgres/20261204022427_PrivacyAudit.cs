using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CctvMask.Storage.Migrations.Postgres
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
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "evidence");

            migrationBuilder.AddColumn<string>(
                name: "privacy_mode",
                table: "cameras",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                defaultValue: "evidence");

            migrationBuilder.AddColumn<int>(
                name: "retention_days",
                table: "cameras",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "audit_log",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    key_name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    remote_address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    target = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    outcome = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    detail = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true)
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
