/** Runs the core's 2xx-until-ACK schedule (RFC 3261 §13.3.1.4) with a real timer. */
import {
  type OkRetransmission,
  okRetransmissionTimer,
  type SipResponse,
  type SipTimerValues,
  startOkRetransmission,
} from "@sentra/core";

export interface OkRetransmitter {
  /** The ACK arrived (or the dialog ended): stop resending. */
  stop(): void;
  readonly active: boolean;
}

export function retransmitOk(
  response: SipResponse,
  timers: SipTimerValues,
  resend: () => void,
  onGiveUp: () => void,
): OkRetransmitter {
  let timer: NodeJS.Timeout | undefined;
  const arm = (current: OkRetransmission, ms: number) => {
    timer = setTimeout(() => {
      const step = okRetransmissionTimer(current);
      if (step.action === "give_up") {
        timer = undefined;
        onGiveUp();
        return;
      }
      resend();
      arm(step.next, step.waitMs);
    }, ms);
  };
  const { state, waitMs } = startOkRetransmission(response, timers);
  arm(state, waitMs);
  return {
    stop: () => {
      clearTimeout(timer);
      timer = undefined;
    },
    get active() {
      return timer !== undefined;
    },
  };
}
