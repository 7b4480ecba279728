import { loadConfig, openServices, type Services } from "@sentra/server";

/** Runs one CLI task against the configured store with quiet logs, then closes everything. */
export async function withServices<T>(task: (services: Services) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), logLevel: "warn" as const };
  const opened = await openServices(config);
  try {
    return await task(opened.services);
  } finally {
    await opened.close();
  }
}

export async function tenantIdOf(services: Services, slug: string): Promise<string> {
  const tenant = await services.tenants.findBySlug(slug);
  if (!tenant) throw new Error(`No tenant with slug "${slug}". List them with: sentra tenant list`);
  return tenant.id;
}
