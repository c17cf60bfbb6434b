import { Worker } from 'node:worker_threads';

// Plain CommonJS evaluated by the worker, so no file needs to be found next to a bundled CLI.
const WORKER_SOURCE = `
const { parentPort } = require('node:worker_threads');
const { createHash } = require('node:crypto');
const jobs = new Map();
parentPort.on('message', (m) => {
  if (m.op === 'open') jobs.set(m.id, { hash: createHash('sha256'), bytes: Buffer.from(m.buffer) });
  else if (m.op === 'update') { const job = jobs.get(m.id); if (job) job.hash.update(job.bytes.subarray(m.start, m.end)); }
  else if (m.op === 'drop') jobs.delete(m.id);
  else if (m.op === 'digest') {
    const job = jobs.get(m.id);
    jobs.delete(m.id);
    parentPort.postMessage({ id: m.id, digest: job ? 'sha256:' + job.hash.digest('hex') : undefined });
  }
});
`;

/** One SHA-256 over a shared buffer, fed range by range as the buffer fills. */
export interface HashJob {
  /** Hash bytes `[start, end)` of the buffer; ranges must follow each other. */
  update(start: number, end: number): void;
  /** `sha256:<hex>` of every range given. */
  digest(): Promise<string>;
  drop(): void;
}

/**
 * SHA-256 on a worker thread over a `SharedArrayBuffer` (no copies), so a large download is hashed on another
 * core while this thread receives, inflates and parses it. Without SHA extensions SHA-256 runs at ~170 MB/s,
 * the slowest step of a pull. Started on first use; does not keep the process alive when idle.
 */
export class HashWorker {
  private worker: Worker | undefined;
  private nextId = 0;
  private readonly waiting = new Map<number, { resolve: (digest: string) => void; reject: (error: Error) => void }>();

  open(buffer: SharedArrayBuffer): HashJob {
    const worker = this.start();
    const id = this.nextId++;
    worker.postMessage({ op: 'open', id, buffer });
    let finished = false;
    return {
      update: (start, end) => {
        if (!finished && end > start) worker.postMessage({ op: 'update', id, start, end });
      },
      digest: () => {
        finished = true;
        return new Promise<string>((resolve, reject) => {
          this.waiting.set(id, { resolve, reject });
          worker.ref();
          worker.postMessage({ op: 'digest', id });
        });
      },
      drop: () => {
        if (finished) return;
        finished = true;
        worker.postMessage({ op: 'drop', id });
      },
    };
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, { eval: true });
    worker.unref();
    worker.on('message', (message: { id: number; digest?: string }) => {
      const waiter = this.waiting.get(message.id);
      this.waiting.delete(message.id);
      if (this.waiting.size === 0) worker.unref();
      if (message.digest === undefined) waiter?.reject(new Error('hash job was dropped'));
      else waiter?.resolve(message.digest);
    });
    const fail = (error: Error): void => {
      if (this.worker === worker) this.worker = undefined;
      for (const waiter of this.waiting.values()) waiter.reject(error);
      this.waiting.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`hash worker exited with code ${code}`)));
    this.worker = worker;
    return worker;
  }
}
