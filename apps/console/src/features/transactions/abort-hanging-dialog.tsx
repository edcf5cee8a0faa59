'use client';
import { useMutation } from '@tanstack/react-query';
import { Button, CommandBlock, DescriptionList, Dialog, ErrorPanel, formatNumber, Notice } from '@tarn/ui';
import type { HeldPartition, OpenProducer } from '../../lib/types';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { useBootstrap } from '../common/use-bootstrap';
import { abortHangingCommand, hangingMarker, tpName } from './transaction-format';
import { useRefreshAfterAbort } from './use-refresh-after-abort';

export interface HangingTarget {
  partition: HeldPartition;
  producer: OpenProducer;
}

/**
 * Aborting a hanging transaction (KIP-664): an ABORT marker for the producer is written to the
 * partition directly, as `kafka-transactions.sh abort` does. The dialog shows that marker exactly.
 */
export function AbortHangingDialog({
  target,
  onClose,
  onDone,
}: {
  target: HangingTarget | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const bootstrap = useBootstrap();
  const refresh = useRefreshAfterAbort();
  const abort = useMutation(
    trpc.transactions.abortHanging.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        abort.reset();
        onDone(
          `Wrote the ABORT marker of producer ${r.producerId} to ${r.aborted}: its open records are aborted and the partition's last stable offset moves on.`,
        );
      },
    }),
  );
  const close = () => {
    if (abort.isPending) return;
    abort.reset();
    onClose();
  };
  const marker = target === null ? null : hangingMarker(target.partition, target.producer);
  return (
    <Dialog
      open={target !== null}
      onClose={close}
      onSubmit={() => {
        if (marker !== null) abort.mutate(marker);
      }}
      size="lg"
      title={target === null ? 'Abort the hanging transaction?' : `Abort the hanging transaction on ${tpName(target.partition)}?`}
      description="This ABORT marker is written to the partition, as kafka-transactions.sh abort does (KIP-664):"
      footer={
        <>
          <Button onClick={close} disabled={abort.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={abort.isPending}>
            {abort.isPending ? 'Writing the marker…' : 'Write the ABORT marker'}
          </Button>
        </>
      }
    >
      {target !== null && marker !== null ? (
        <div className="t-stack-sm" data-testid="abort-marker">
          <DescriptionList
            items={[
              { label: 'Partition', value: <span className="t-mono">{tpName(marker)}</span> },
              { label: 'Leader', value: `broker ${target.partition.leader}` },
              { label: 'Marker', value: <span className="t-mono">ABORT (control record)</span> },
              { label: 'Producer id', value: <span className="t-mono">{marker.producerId}</span> },
              { label: 'Producer epoch', value: <span className="t-mono">{marker.producerEpoch}</span> },
              { label: 'Coordinator epoch', value: <span className="t-mono">{marker.coordinatorEpoch}</span> },
              {
                label: 'Aborts',
                value: `this producer's records from offset ${formatNumber(target.producer.firstOffset)}`,
              },
            ]}
          />
          <Notice tone="warning">
            Only for a transaction no coordinator will finish
            {target.producer.transactionalId !== null ? (
              <>
                {' '}
                — this one belongs to <span className="t-mono">{target.producer.transactionalId}</span> and has been open longer than
                transaction.max.timeout.ms
              </>
            ) : null}
            . A producer still writing this transaction would have its records aborted under it.
          </Notice>
          <CommandBlock command={abortHangingCommand(bootstrap, marker)} label="The same abort with kafka-transactions.sh" />
          <p className="t-muted" style={{ margin: 0 }}>
            The abort is recorded in the broker&apos;s audit log.
          </p>
        </div>
      ) : null}
      {abort.isError ? <ErrorPanel title="The marker was not written" error={describeError(abort.error)} /> : null}
    </Dialog>
  );
}
