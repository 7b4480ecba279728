import { Center, Loader } from "@mantine/core";
import { lazy, type ReactNode, Suspense } from "react";

// Each WFM page loads on first visit: its charts (ECharts) stay out of the bundle the other screens load.
const Forecast = lazy(async () => ({ default: (await import("./forecast/ForecastPage")).ForecastPage }));
const Schedules = lazy(async () => ({ default: (await import("./schedules/SchedulesPage")).SchedulesPage }));
const Adherence = lazy(async () => ({ default: (await import("./adherence/AdherencePage")).AdherencePage }));
const Simulation = lazy(async () => ({
  default: (await import("./simulation/SimulationPage")).SimulationPage,
}));
const MySchedule = lazy(async () => ({
  default: (await import("./schedules/MySchedulePage")).MySchedulePage,
}));

function Loading({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center h={200}>
          <Loader size="sm" />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

export const ForecastPage = () => (
  <Loading>
    <Forecast />
  </Loading>
);
export const SchedulesPage = () => (
  <Loading>
    <Schedules />
  </Loading>
);
export const AdherencePage = () => (
  <Loading>
    <Adherence />
  </Loading>
);
export const SimulationPage = () => (
  <Loading>
    <Simulation />
  </Loading>
);
export const MySchedulePage = () => (
  <Loading>
    <MySchedule />
  </Loading>
);
