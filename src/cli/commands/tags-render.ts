import type { OnDemandRun } from '../../tags';

// Plain-text renderings of tag answers for a terminal, shared by the commands that print them.

/**
 * One computation of an on-demand tag in a line, the same whether `tags compute` ran it or a job did:
 * `computed travel_max_od_30d (version 1) as of 2025-06-30: 107 customers with a value in 0.4 s`.
 */
export function onDemandRunLine(code: string, run: OnDemandRun): string {
  const customers = run.customers.toLocaleString('en-US');
  return `computed ${code} (version ${run.version}) as of ${run.asOf}: ${customers} customers with a value in ${(run.ms / 1000).toFixed(1)} s`;
}
