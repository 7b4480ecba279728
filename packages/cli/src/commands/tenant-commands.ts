import type { Command } from "commander";
import { withServices } from "./with-services.js";

export function registerTenantCommands(program: Command): void {
  const tenant = program.command("tenant").description("Client companies served by this center");
  tenant
    .command("create <slug>")
    .description("Create a tenant")
    .requiredOption("--name <name>", "display name")
    .option(
      "--time-zone <zone>",
      "IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT)",
      "Asia/Jakarta",
    )
    .option("--locale <locale>", "default language: id or en", "id")
    .action(async (slug: string, options: { name: string; timeZone: string; locale: string }) => {
      if (!/^[a-z0-9][a-z0-9-]{1,40}$/.test(slug))
        throw new Error("A slug is 2–41 lowercase letters, digits or dashes.");
      if (!["id", "en"].includes(options.locale)) throw new Error("--locale must be id or en.");
      try {
        new Intl.DateTimeFormat("en", { timeZone: options.timeZone });
      } catch {
        throw new Error(`--time-zone "${options.timeZone}" is not an IANA time zone.`);
      }
      await withServices(async (services) => {
        if (await services.tenants.findBySlug(slug)) throw new Error(`Tenant "${slug}" already exists.`);
        const created = await services.tenants.create({
          slug,
          name: options.name,
          timeZone: options.timeZone,
          defaultLocale: options.locale,
        });
        await services.audit.record({
          tenantId: created.id,
          actor: { kind: "system", id: "cli" },
          action: "tenant.created",
          target: { type: "tenant", id: created.id },
          details: { slug, name: options.name, timeZone: options.timeZone },
        });
        console.log(`Created tenant ${slug} (${created.id}).`);
      });
    });
  tenant
    .command("list")
    .description("List tenants")
    .action(async () => {
      await withServices(async (services) => {
        for (const t of await services.tenants.list())
          console.log(`${t.slug}\t${t.name}\t${t.time_zone}\t${t.id}`);
      });
    });
}
