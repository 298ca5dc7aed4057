import { Worker } from 'node:worker_threads';
import type {
  CaseToVerify,
  RecordedCalendarSetting,
  RecordedHoliday,
  VerificationBatch,
  VerificationResult,
  WorkflowDefinition,
} from '@recordflow/workflow';

// Each worker runs the workflow package's own batch verifier, loaded from its built module by path.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const verify = require(workerData.module).createVerifier();
parentPort.on('message', (batch) => parentPort.postMessage(verify(batch)));
`;

/**
 * Verification on worker threads: each batch goes to a free worker, and each worker is sent a
 * definition and the holidays once, with the first batch that needs them.
 */
export class VerifierPool {
  private readonly workers: Worker[];
  private readonly idle: Worker[];
  private readonly waiting: (() => void)[] = [];
  private readonly definitionsSent = new Map<Worker, Set<string>>();
  private readonly holidaysSent = new Set<Worker>();

  constructor(
    size: number,
    private readonly holidays: RecordedHoliday[],
    private readonly calendarSettings: RecordedCalendarSetting[] = [],
  ) {
    const module = require.resolve('@recordflow/workflow');
    this.workers = Array.from(
      { length: Math.max(1, size) },
      () => new Worker(WORKER_SOURCE, { eval: true, workerData: { module } }),
    );
    this.idle = [...this.workers];
    for (const worker of this.workers) this.definitionsSent.set(worker, new Set());
  }

  async verify(
    cases: CaseToVerify[],
    definitions: Readonly<Record<string, WorkflowDefinition>>,
  ): Promise<VerificationResult[]> {
    const worker = await this.take();
    try {
      const known = this.definitionsSent.get(worker) as Set<string>;
      const fresh: Record<string, WorkflowDefinition> = {};
      for (const { events } of cases) {
        for (const { workflowVersionId: id } of events) {
          const definition = definitions[id];
          if (definition && !known.has(id)) {
            fresh[id] = definition;
            known.add(id);
          }
        }
      }
      const batch: VerificationBatch = { cases, definitions: fresh };
      if (!this.holidaysSent.has(worker)) {
        batch.holidays = this.holidays;
        batch.calendarSettings = this.calendarSettings;
        this.holidaysSent.add(worker);
      }
      return await new Promise<VerificationResult[]>((resolve, reject) => {
        const onError = (error: Error) => {
          worker.off('message', onMessage);
          reject(error);
        };
        const onMessage = (results: VerificationResult[]) => {
          worker.off('error', onError);
          resolve(results);
        };
        worker.once('message', onMessage);
        worker.once('error', onError);
        worker.postMessage(batch);
      });
    } finally {
      this.release(worker);
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private take(): Promise<Worker> {
    const worker = this.idle.pop();
    if (worker) return Promise.resolve(worker);
    return new Promise((resolve) => this.waiting.push(() => resolve(this.idle.pop() as Worker)));
  }

  private release(worker: Worker): void {
    this.idle.push(worker);
    this.waiting.shift()?.();
  }
}
