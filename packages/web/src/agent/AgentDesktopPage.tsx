import { Stack } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import {
  useInteractionAction,
  useMyState,
  useQueues,
  useRoutingSettings,
  useSetMyState,
  useTransfer,
  useWrapUp,
} from "../api/routing";
import type { AgentStateBody, Interaction } from "../api/routing-types";
import { useMe } from "../api/session";
import { PageHeader } from "../components/PageHeader";
import { QueryError } from "../components/QueryError";
import { apiErrorText } from "../i18n/api-error";
import type { RealtimeListener } from "../realtime/realtime-client";
import { useRealtime } from "../realtime/useRealtime";
import { useNow } from "../routing/useNow";
import { SoftphoneIndicator } from "../voice/softphone/SoftphoneIndicator";
import { SoftphoneProvider } from "../voice/softphone/SoftphoneProvider";
import type { Offer, WorkItem } from "./desk-state";
import { OfferPopup } from "./OfferPopup";
import { PresenceBar } from "./PresenceBar";
import { useAgentDesk } from "./useAgentDesk";
import { useStateSince } from "./useStateSince";
import { WorkArea } from "./WorkArea";

interface MutationCallbacks {
  onSuccess: (result: Interaction) => void;
  onError: (failure: Error) => void;
}

/** Listens to one queue's topic; a component so the number of queues can change between renders. */
function QueueTopic({ queueId, onEvent }: { queueId: string; onEvent: RealtimeListener }) {
  useRealtime(`queue:${queueId}`, onEvent);
  return null;
}

export function AgentDesktopPage() {
  const me = useMe().data;
  return me ? (
    <SoftphoneProvider>
      <AgentDesk userId={me.id} />
    </SoftphoneProvider>
  ) : null;
}

function AgentDesk({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const now = useNow(250);
  const myState = useMyState();
  const settings = useRoutingSettings();
  const queues = useQueues();
  const setState = useSetMyState();
  const action = useInteractionAction();
  const wrapUp = useWrapUp();
  const transfer = useTransfer();
  const { desk, dispatch, connected, onQueueEvent } = useAgentDesk(userId, myState.data);
  const since = useStateSince(myState.data);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<{ id: string; text: string } | null>(null);
  const queueList = queues.data ?? [];

  /** Runs one interaction command with its busy flag and its error shown next to the conversation. */
  const run = (id: string, start: (done: MutationCallbacks) => void) =>
    new Promise<Interaction>((resolve) => {
      setBusyId(id);
      setError(null);
      start({
        onSuccess: (result) => {
          setBusyId(null);
          resolve(result);
        },
        onError: (failure) => {
          setBusyId(null);
          setError({ id, text: apiErrorText(failure, t) });
        },
      });
    });

  const accept = (offer: Offer) =>
    void run(offer.interactionId, (done) =>
      action.mutate({ id: offer.interactionId, action: "accept" }, done),
    ).then((interaction) => connected(interaction));
  const reject = (offer: Offer) =>
    void run(offer.interactionId, (done) =>
      action.mutate({ id: offer.interactionId, action: "reject" }, done),
    ).then(() => dispatch({ type: "offer_gone", interactionId: offer.interactionId, declined: true }));
  const complete = (item: WorkItem) =>
    void run(item.interactionId, (done) =>
      action.mutate({ id: item.interactionId, action: "complete" }, done),
    ).then((interaction) =>
      dispatch(
        interaction.state === "wrap_up"
          ? { type: "wrap_up", interactionId: item.interactionId, at: Date.now() }
          : { type: "closed", interactionId: item.interactionId, at: Date.now() },
      ),
    );
  const close = (item: WorkItem, disposition: string | null, notes: string) =>
    void run(item.interactionId, (done) =>
      wrapUp.mutate(
        {
          id: item.interactionId,
          ...(disposition ? { disposition } : {}),
          ...(notes.trim() ? { notes } : {}),
        },
        done,
      ),
    ).then(() => dispatch({ type: "closed", interactionId: item.interactionId, at: Date.now() }));
  const move = (item: WorkItem, queueId: string) =>
    void run(item.interactionId, (done) => transfer.mutate({ id: item.interactionId, queueId }, done)).then(
      () => dispatch({ type: "left", interactionId: item.interactionId }),
    );

  const changeState = (body: AgentStateBody) => setState.mutate(body);
  const offerQueue = queueList.find((queue) => queue.id === desk.offer?.queueId)?.name;
  const loadError = myState.error ?? settings.error ?? queues.error;

  return (
    <Stack gap="md">
      {queueList.map((queue) => (
        <QueueTopic key={queue.id} queueId={queue.id} onEvent={onQueueEvent} />
      ))}
      <PageHeader title={t("desk.title")} description={t("desk.description")} />
      {loadError ? <QueryError error={loadError} /> : null}
      {setState.isError ? <QueryError error={setState.error} /> : null}
      <PresenceBar
        status={myState.data?.status}
        since={since}
        now={now}
        reasons={settings.data?.notReadyReasons ?? []}
        busy={setState.isPending || myState.isPending}
        stats={desk.stats}
        onChange={changeState}
      />
      <SoftphoneIndicator />
      <WorkArea
        work={desk.work}
        queues={queueList}
        dispositions={settings.data?.dispositions ?? []}
        now={now}
        available={myState.data?.status.kind === "available"}
        busyId={busyId}
        error={error}
        onComplete={complete}
        onTransfer={move}
        onWrapUp={close}
      />
      <OfferPopup
        offer={desk.offer}
        queueName={offerQueue}
        now={now}
        busy={busyId !== null && busyId === desk.offer?.interactionId}
        error={error && error.id === desk.offer?.interactionId ? error.text : null}
        onAccept={accept}
        onReject={reject}
      />
    </Stack>
  );
}
