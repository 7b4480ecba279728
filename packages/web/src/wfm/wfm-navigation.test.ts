import { describe, expect, it } from "vitest";
import { homePathFor, navItemsFor } from "../shell/navigation";

const wfmPaths = (role: Parameters<typeof navItemsFor>[0]) =>
  navItemsFor(role)
    .map((item) => item.path)
    .filter((path) => path.startsWith("/wfm/"));

describe("WFM navigation", () => {
  it("shows agents only their own schedule", () => {
    expect(wfmPaths("agent")).toEqual(["/wfm/my-schedule"]);
  });

  it("gives planners and supervisors the planning screens, and planners start on the forecast", () => {
    expect(wfmPaths("wfm")).toEqual(["/wfm/forecast", "/wfm/schedules", "/wfm/adherence", "/wfm/simulation"]);
    expect(wfmPaths("supervisor")).toEqual([
      "/wfm/forecast",
      "/wfm/schedules",
      "/wfm/adherence",
      "/wfm/simulation",
      "/wfm/my-schedule",
    ]);
    expect(homePathFor("wfm")).toBe("/wfm/forecast");
  });

  it("keeps QA out of workforce planning", () => {
    expect(wfmPaths("qa")).toEqual([]);
  });
});
