/** Placeholder replaced by the routing benchmark (issue 3). */
export async function run(): Promise<void> {
  console.log(JSON.stringify({ bench: "routing", status: "not_built" }));
}
