import { describe, expect, it } from "vitest";
import { NEW_TEMPLATE, parseClock, templateProblem, templateSummary } from "./template-form";

describe("shift template form", () => {
  it("reads clock times", () => {
    expect(parseClock("08:30")).toBe(510);
    expect(parseClock("8:05")).toBe(485);
    expect(parseClock("24:00")).toBe(1440);
    expect(parseClock("25:00")).toBeNull();
    expect(parseClock("08:75")).toBeNull();
    expect(parseClock("soon")).toBeNull();
  });

  it("names the first problem of a draft", () => {
    expect(templateProblem(NEW_TEMPLATE)).toBe("wfm.templates.problems.name");
    const named = { ...NEW_TEMPLATE, name: "Early" };
    expect(templateProblem(named)).toBeNull();
    expect(templateProblem({ ...named, latestStartMinute: 300 })).toBe("wfm.templates.problems.startOrder");
    expect(templateProblem({ ...named, weekdays: [] })).toBe("wfm.templates.problems.days");
    expect(templateProblem({ ...named, lengthMinutes: 300 })).toBe("wfm.templates.problems.break");
  });

  it("summarises a template", () => {
    expect(templateSummary(NEW_TEMPLATE)).toEqual({ starts: "07:00–10:00", hours: 9, breaks: 3 });
  });
});
