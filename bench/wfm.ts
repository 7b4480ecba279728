import { measureErlangStaffing } from "./wfm-erlang.js";
import { measureWeekScheduleDetail } from "./wfm-schedule.js";
import { measureSimulator } from "./wfm-sim.js";

/**
 * `npm run bench -- wfm`: the three workforce-management engines, each measured in this run. Details go to
 * stderr; the last stdout line is the machine-readable summary the README quotes.
 */
export async function run(): Promise<void> {
  const erlang = await measureErlangStaffing();
  console.error(`erlang: ${JSON.stringify(erlang)}`);
  const schedule = await measureWeekScheduleDetail();
  console.error(`schedule: ${JSON.stringify(schedule)}`);
  const simulator = await measureSimulator();
  console.error(`simulator: ${JSON.stringify(simulator)}`);
  console.log(
    JSON.stringify({
      bench: "wfm",
      erlang_c_per_sec: erlang.erlang_c_per_sec,
      schedule_agents: schedule.schedule_agents,
      schedule_seconds: schedule.schedule_seconds,
      schedule_solver: schedule.solver,
      sim_events_per_sec: simulator.sim_events_per_sec,
    }),
  );
}
