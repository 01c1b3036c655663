/** Background jobs: SQS in the cloud, an in-process queue locally. */
export interface JobQueue<T> {
  /** Resolves with the message id once the job is durably queued (or, in process, accepted). */
  send(job: T): Promise<string>;
}
