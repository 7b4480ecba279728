export { generatePassword } from "./auth/secrets.js";
export { ConfigError, loadConfig, type SentraConfig } from "./config/config.js";
export { type DatabaseHandle, migrateToLatest, openDatabase } from "./db/database.js";
export { LOCALES, newUserBody } from "./people/user-views.js";
export { type OpenedServices, openServices, type RunningPlatform, startPlatform } from "./platform.js";
export type { SeededLogin } from "./seed/demo-seed.js";
export type { Services } from "./services.js";
export { type BacktestReportLine, backtestHistoryFile } from "./wfm/backtest-report.js";
export { type MilpSolution, scheduleWeek, solveLp, type WeekScheduleOptions } from "./wfm/milp-solver.js";
