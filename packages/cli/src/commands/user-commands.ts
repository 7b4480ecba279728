import { ROLES } from "@sentra/core";
import { generatePassword, newUserBody } from "@sentra/server";
import type { Command } from "commander";
import { tenantIdOf, withServices } from "./with-services.js";

export function registerUserCommands(program: Command): void {
  const user = program.command("user").description("People who log in to Sentra");
  user
    .command("create")
    .description("Create a user; prints a generated password when none is given")
    .requiredOption("--tenant <slug>", "tenant slug, e.g. demo")
    .requiredOption("--email <email>", "login email")
    .requiredOption("--name <name>", "display name")
    .requiredOption("--role <role>", `one of ${ROLES.join(", ")}`)
    .option("--locale <locale>", "id or en", "id")
    .option("--password <password>", "at least 12 characters; generated when omitted")
    .action(
      async (options: {
        tenant: string;
        email: string;
        name: string;
        role: string;
        locale: string;
        password?: string;
      }) => {
        const generated = options.password === undefined;
        const parsed = newUserBody.safeParse({
          email: options.email,
          displayName: options.name,
          role: options.role,
          locale: options.locale,
          password: options.password ?? generatePassword(),
        });
        if (!parsed.success) {
          throw new Error(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "));
        }
        await withServices(async (services) => {
          const tenantId = await tenantIdOf(services, options.tenant);
          const created = await services.users.create(null, tenantId, parsed.data);
          console.log(`Created ${created.role} ${created.email} (${created.id}) in ${options.tenant}.`);
          if (generated) console.log(`Password (shown once): ${parsed.data.password}`);
        });
      },
    );
}
