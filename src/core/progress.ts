// Long work (generation, imports, tag refresh, scoring) reports progress through this one callback shape;
// the CLI draws it as bars, the server stores it on the job for the console to follow.
export interface ProgressEvent {
  /** Machine-readable step name, e.g. 'transactions'. */
  readonly phase: string;
  readonly done: number;
  readonly total: number;
  /** Short human note, e.g. '12,000 / 50,000 customers'. */
  readonly detail?: string;
}

export type ProgressListener = (event: ProgressEvent) => void;

export const silentProgress: ProgressListener = () => {};
