/**
 * Dependency direction rules. The domain core must stay pure: no Node built-ins, no database, network,
 * framework or server code. Tests may use test tooling. The one external import allowed is zod: the request
 * contracts in core/src/contracts are shared by the API and the web app, and zod is pure validation (no I/O).
 * Other exceptions are not allowed: fix the design instead.
 */
module.exports = {
  forbidden: [
    {
      name: "core-is-pure",
      comment: "packages/core is the pure domain: it may import only itself and small pure libraries.",
      severity: "error",
      from: { path: "^packages/core/src", pathNot: "\\.test\\.ts$" },
      to: {
        pathNot: ["^packages/core/src", "^node_modules/zod/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "core-no-node-builtins",
      comment: "The core does no I/O, so no node:* modules, even for types.",
      severity: "error",
      from: { path: "^packages/core/src" },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "server-does-not-import-cli",
      severity: "error",
      from: { path: "^packages/server/src" },
      to: { path: "^packages/cli/" },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "(^|/)dist/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.typecheck.json" },
    enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "types", "default"] },
  },
};
