import { Skeleton } from '@tarn/ui';

export default function Loading() {
  return (
    <div className="t-stack" aria-busy="true">
      <Skeleton width={220} height={28} />
      <div className="t-grid">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} height={76} />
        ))}
      </div>
      <Skeleton height={280} />
    </div>
  );
}
