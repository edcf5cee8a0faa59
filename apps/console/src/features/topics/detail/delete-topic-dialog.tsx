'use client';
import { useState } from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Button, Dialog, ErrorPanel, Field, formatBytes, formatNumber, TextInput } from '@tarn/ui';
import type { TopicDetail } from '../../../lib/types';
import { describeError } from '../../../trpc/errors';
import { useTRPC } from '../../../trpc/provider';

/** Deleting a topic removes its data for good: the user types the name to confirm. */
export function DeleteTopicDialog({ topic, open, onClose }: { topic: TopicDetail; open: boolean; onClose: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [typed, setTyped] = useState('');
  const del = useMutation(
    trpc.topics.delete.mutationOptions({
      onSuccess: async () => {
        queryClient.removeQueries({ queryKey: trpc.topics.get.queryKey({ name: topic.name }) });
        await queryClient.invalidateQueries({ queryKey: trpc.topics.list.queryKey() });
        router.push('/topics');
      },
    }),
  );
  const matches = typed === topic.name;
  return (
    <Dialog
      open={open}
      onClose={() => {
        if (!del.isPending) {
          setTyped('');
          del.reset();
          onClose();
        }
      }}
      onSubmit={() => {
        if (matches) del.mutate({ name: topic.name });
      }}
      title={`Delete ${topic.name}?`}
      description={`Its ${formatNumber(topic.partitions.length)} partitions, ${formatNumber(topic.messages)} messages and ${formatBytes(topic.sizeBytes)} of data are removed. This cannot be undone.`}
      footer={
        <>
          <Button onClick={onClose} disabled={del.isPending}>
            Cancel
          </Button>
          <Button type="submit" variant="danger" disabled={!matches} busy={del.isPending}>
            {del.isPending ? 'Deleting…' : 'Delete topic'}
          </Button>
        </>
      }
    >
      <Field
        id="confirm-delete"
        label={
          <>
            Type <code>{topic.name}</code> to confirm
          </>
        }
      >
        <TextInput id="confirm-delete" mono autoFocus autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </Field>
      {del.isError ? <ErrorPanel title="The topic was not deleted" error={describeError(del.error)} /> : null}
    </Dialog>
  );
}
