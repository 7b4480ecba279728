import { Box, Group, Text } from "@mantine/core";
import { type KeyboardEvent, type PointerEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { clockLabel } from "../time";
import { ACTIVITY_KINDS, activityColor } from "./activity-colors";
import {
  type DragLimits,
  type DragMode,
  dragSpan,
  type GanttBar,
  type GanttRow,
  pixelsToMinutes,
  previewBar,
  type Span,
  targetRow,
} from "./gantt";

interface Drag {
  shiftId: string;
  mode: DragMode;
  originX: number;
  originY: number;
  /** Row the bar started on and the row it would drop on (moves only). */
  fromRow: number;
  toRow: number;
  bar: GanttBar;
  span: Span;
}

const NAME_WIDTH = 170;
const ROW_HEIGHT = 34;

/**
 * Shifts of one day as bars per agent, breaks/lunch/prayer as blocks inside. When editable, a bar's body
 * drags to move it and its edges drag to resize it (arrow keys do the same: ←/→ move, Shift+←/→ resize the
 * end); the result snaps to the interval grid and goes to `onChange`. Dragging a bar's body onto another
 * agent's row hands the shift to that agent.
 */
export function GanttBoard({
  rows,
  window,
  limits,
  editable,
  pending,
  onChange,
}: {
  rows: GanttRow[];
  window: Span;
  limits: DragLimits;
  editable: boolean;
  /** Spans sent but not yet confirmed by the server, drawn where they are going. */
  pending: ReadonlyMap<string, Span>;
  onChange: (shiftId: string, span: Span, agentId?: string) => void;
}) {
  const { t } = useTranslation();
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const length = window.end - window.start;
  const x = (minute: number) => `${((minute - window.start) / length) * 100}%`;
  const hours = Array.from({ length: Math.floor(length / 60) + 1 }, (_, i) => window.start + i * 60);

  const begin = (event: PointerEvent<HTMLElement>, bar: GanttBar, mode: DragMode, row: number) => {
    if (!editable) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    setDrag({
      shiftId: bar.shiftId,
      mode,
      originX: event.clientX,
      originY: event.clientY,
      fromRow: row,
      toRow: row,
      bar,
      span: { start: bar.start, end: bar.end },
    });
  };
  const move = (event: PointerEvent<HTMLElement>) => {
    if (!drag) return;
    const width = track.current?.getBoundingClientRect().width ?? 0;
    const delta = pixelsToMinutes(event.clientX - drag.originX, width, length);
    const toRow =
      drag.mode === "move"
        ? targetRow(drag.fromRow, event.clientY - drag.originY, ROW_HEIGHT, rows.length)
        : drag.fromRow;
    setDrag({ ...drag, toRow, span: dragSpan(drag.bar, drag.mode, delta, limits) });
  };
  const end = () => {
    if (!drag) return;
    const agentId = drag.toRow !== drag.fromRow ? rows[drag.toRow]?.agentId : undefined;
    if (agentId) onChange(drag.shiftId, drag.span, agentId);
    else if (drag.span.start !== drag.bar.start || drag.span.end !== drag.bar.end)
      onChange(drag.shiftId, drag.span);
    setDrag(null);
  };
  const key = (event: KeyboardEvent<HTMLElement>, bar: GanttBar) => {
    if (!editable || (event.key !== "ArrowLeft" && event.key !== "ArrowRight")) return;
    event.preventDefault();
    const delta = event.key === "ArrowLeft" ? -limits.step : limits.step;
    onChange(bar.shiftId, dragSpan(bar, event.shiftKey ? "end" : "move", delta, limits));
  };

  return (
    <Box data-testid="gantt" style={{ userSelect: "none" }}>
      <div style={{ display: "flex", marginLeft: NAME_WIDTH, position: "relative", height: 18 }} ref={track}>
        {hours.map((hour) => (
          <Text
            key={hour}
            size="xs"
            c="dimmed"
            style={{ position: "absolute", left: x(hour), transform: "translateX(-50%)" }}
          >
            {hour % 120 === 0 ? clockLabel(hour) : ""}
          </Text>
        ))}
      </div>
      {rows.map((row, rowIndex) => (
        <div
          key={row.agentId}
          style={{
            display: "flex",
            alignItems: "center",
            height: ROW_HEIGHT,
            borderTop: "1px solid var(--mantine-color-default-border)",
            background:
              drag && drag.toRow !== drag.fromRow && drag.toRow === rowIndex
                ? "var(--mantine-color-blue-light)"
                : undefined,
          }}
          data-testid="gantt-row"
        >
          <Text size="sm" truncate w={NAME_WIDTH} pr="xs">
            {row.name}
          </Text>
          <div style={{ position: "relative", flex: 1, height: "100%" }}>
            {hours.map((hour) => (
              <div
                key={hour}
                style={{
                  position: "absolute",
                  left: x(hour),
                  top: 0,
                  bottom: 0,
                  borderLeft: "1px dashed var(--mantine-color-default-border)",
                }}
              />
            ))}
            {row.bars.map((original) => {
              const dragging = drag?.shiftId === original.shiftId ? drag.span : null;
              const span = dragging ?? pending.get(original.shiftId) ?? null;
              const bar = span ? previewBar(original, span) : original;
              return (
                <div
                  key={bar.shiftId}
                  role="slider"
                  tabIndex={editable ? 0 : -1}
                  aria-label={t("wfm.gantt.shift", {
                    name: row.name,
                    start: clockLabel(bar.start),
                    end: clockLabel(bar.end),
                  })}
                  aria-valuemin={limits.min}
                  aria-readonly={!editable}
                  aria-valuemax={limits.max}
                  aria-valuenow={bar.start}
                  aria-valuetext={`${clockLabel(bar.start)}–${clockLabel(bar.end)}`}
                  data-testid="gantt-bar"
                  data-shift-id={bar.shiftId}
                  onPointerDown={(event) => begin(event, original, "move", rowIndex)}
                  onPointerMove={move}
                  onPointerUp={end}
                  onPointerCancel={() => setDrag(null)}
                  onKeyDown={(event) => key(event, original)}
                  style={{
                    position: "absolute",
                    left: x(bar.start),
                    width: `${((bar.end - bar.start) / length) * 100}%`,
                    top: 5,
                    bottom: 5,
                    borderRadius: 4,
                    background: activityColor("work"),
                    opacity: span && !dragging ? 0.6 : 1,
                    cursor: editable ? (drag ? "grabbing" : "grab") : "default",
                    outline: dragging ? "2px solid var(--mantine-color-blue-5)" : undefined,
                    touchAction: "none",
                  }}
                >
                  {bar.blocks.map((block) => (
                    <div
                      key={`${block.kind}-${block.start}`}
                      title={t(`wfm.activities.${block.kind}`)}
                      style={{
                        position: "absolute",
                        left: `${((block.start - bar.start) / (bar.end - bar.start)) * 100}%`,
                        width: `${((block.end - block.start) / (bar.end - bar.start)) * 100}%`,
                        top: 0,
                        bottom: 0,
                        background: activityColor(block.kind),
                      }}
                    />
                  ))}
                  {editable
                    ? (["start", "end"] as const).map((edge) => (
                        <div
                          key={edge}
                          data-testid={`gantt-${edge}-handle`}
                          onPointerDown={(event) => begin(event, original, edge, rowIndex)}
                          onPointerMove={move}
                          onPointerUp={end}
                          style={{
                            position: "absolute",
                            top: 0,
                            bottom: 0,
                            width: 8,
                            cursor: "ew-resize",
                            [edge === "start" ? "left" : "right"]: -2,
                          }}
                        />
                      ))
                    : null}
                </div>
              );
            })}
          </div>
        </div>
      ))}
      <Group gap="md" mt="xs" ml={NAME_WIDTH}>
        {ACTIVITY_KINDS.filter((kind) => kind !== "off").map((kind) => (
          <Group key={kind} gap={4}>
            <span
              style={{
                width: 12,
                height: 12,
                borderRadius: 2,
                background: activityColor(kind),
                display: "inline-block",
              }}
            />
            <Text size="xs">{t(`wfm.activities.${kind}`)}</Text>
          </Group>
        ))}
      </Group>
    </Box>
  );
}
