'use client';
import { useMutation } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel } from '@tarn/ui';
import type { TransactionRow } from '../../lib/types';
import { describeError } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { tpName } from './transaction-format';
import { useRefreshAfterAbort } from './use-refresh-after-abort';

/**
 * Aborting an ongoing transaction: its coordinator fences the transactional id's producer (as a new
 * instance of it would, with InitProducerId) and aborts what it had open. Named and confirmed,
 * because the running producer application fails with PRODUCER_FENCED.
 */
export function AbortTransactionDialog({
  transaction: t,
  onClose,
  onDone,
}: {
  transaction: TransactionRow | null;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshAfterAbort();
  const abort = useMutation(
    trpc.transactions.abort.mutationOptions({
      onSuccess: async (r) => {
        await refresh();
        abort.reset();
        onDone(
          `Fenced the producer of ${r.aborted} and aborted its open transaction: its records are marked aborted and read_committed consumers move past them. The producer gets PRODUCER_FENCED at its next request.`,
        );
      },
    }),
  );
  const close = () => {
    if (abort.isPending) return;
    abort.reset();
    onClose();
  };
  return (
    <Dialog
      open={t !== null}
      onClose={close}
      onSubmit={() => {
        // the fence re-initializes the id: keep the transaction timeout it has
        if (t !== null) abort.mutate({ transactionalId: t.transactionalId, coordinator: t.coordinator, timeoutMs: t.timeoutMs });
      }}
      title={t === null ? 'Abort the transaction?' : `Abort the transaction of “${t.transactionalId}”?`}
      description="The producer will be fenced and its open transaction aborted."
      footer={
        <>
          <Button onClick={close} disabled={abort.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" busy={abort.isPending}>
            {abort.isPending ? 'Aborting…' : 'Fence producer and abort'}
          </Button>
        </>
      }
    >
      {t !== null ? (
        <div className="t-stack-sm">
          <p style={{ margin: 0 }}>
            The coordinator (broker <span className="t-mono">{t.coordinator}</span>) bumps the epoch of{' '}
            <strong className="t-mono">{t.transactionalId}</strong>: the producer running with id{' '}
            <span className="t-mono">{t.producerId}</span> and epoch <span className="t-mono">{t.producerEpoch}</span> is fenced and fails
            with <span className="t-mono">PRODUCER_FENCED</span> at its next request; the application has to start a new producer.
          </p>
          <p style={{ margin: 0 }}>
            Its open transaction is aborted: ABORT markers go to{' '}
            {t.partitions.length === 0 ? 'its partitions' : <span className="t-mono">{t.partitions.map(tpName).join(', ')}</span>}, its
            records there are never delivered to read_committed consumers, and consumers waiting at the last stable offset move on.
          </p>
          <p className="t-muted" style={{ margin: 0 }}>
            The abort is recorded in the broker&apos;s audit log.
          </p>
        </div>
      ) : null}
      {abort.isError ? <ErrorPanel title="The transaction was not aborted" error={describeError(abort.error)} /> : null}
    </Dialog>
  );
}
