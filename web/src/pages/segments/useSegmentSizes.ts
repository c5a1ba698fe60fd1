import { useQueries } from '@tanstack/react-query';
import { countRuleEndpoint, listSnapshotsEndpoint, type Segment } from '../../../../src/segments/schema';
import { callEndpoint } from '../../api/client';
import { endpointKey } from '../../api/useEndpoint';
import { useCurrentUser } from '../../app/current-user';

export interface SegmentSize {
  readonly count: number;
  /** Share of all customers; null for a snapshot size (the snapshot does not carry the total). */
  readonly share: number | null;
  /** live: counted now on the current profile; snapshot: the latest membership snapshot (roles that may not count). */
  readonly source: 'live' | 'snapshot';
  readonly at: string | null;
}

/**
 * Sizes for a list of segments. People who build segments get a live count of each rule (milliseconds each);
 * the roles that may only read segments (agents, auditors) get the latest snapshot's size instead.
 */
export function useSegmentSizes(segments: readonly Segment[]): ReadonlyMap<string, SegmentSize | null> {
  const user = useCurrentUser();
  const live = countRuleEndpoint.roles !== 'public' && countRuleEndpoint.roles.includes(user.role);
  const results = useQueries({
    queries: segments.map((segment) => {
      if (live) {
        const args = { body: { rule: segment.rule } };
        return {
          queryKey: endpointKey(countRuleEndpoint, args),
          queryFn: async (): Promise<SegmentSize> => {
            const r = await callEndpoint(countRuleEndpoint, args);
            return { count: r.count, share: r.share, source: 'live', at: r.asOf };
          },
          staleTime: 60_000,
        };
      }
      const args = { params: { id: segment.id }, query: { limit: 1 } };
      return {
        queryKey: endpointKey(listSnapshotsEndpoint, args),
        queryFn: async (): Promise<SegmentSize | null> => {
          const latest = (await callEndpoint(listSnapshotsEndpoint, args)).items[0];
          return latest ? { count: latest.size, share: null, source: 'snapshot', at: latest.asOf } : null;
        },
        staleTime: 60_000,
      };
    }),
  });
  const sizes = new Map<string, SegmentSize | null>();
  segments.forEach((segment, i) => {
    const data = results[i]?.data;
    if (data !== undefined) sizes.set(segment.id, data);
  });
  return sizes;
}
