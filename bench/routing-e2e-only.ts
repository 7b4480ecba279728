/** `npm run bench -- routing-e2e`: only the end-to-end figures of the routing benchmark, for quick checks. */
import { measureE2e } from "./routing-e2e.js";

export async function run(): Promise<void> {
  console.log(JSON.stringify({ bench: "routing-e2e", ...(await measureE2e()) }));
}
