/** Background jobs of a workflow, run one after another, so that handlers and the main loop never wait on them. */
export class Lane {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;

  /** `onError` hears of a job that failed; the jobs after it run all the same. */
  constructor(private readonly onError: (err: unknown) => void) {}

  /** Queues `job` after the ones already queued. */
  add(job: () => Promise<void>): void {
    this.pending++;
    this.tail = this.tail
      .then(job)
      .catch(this.onError)
      .finally(() => void this.pending--);
  }

  /** No job is queued or running. */
  idle(): boolean {
    return this.pending === 0;
  }
}
