// Runs one fuzz case at a time for scripts/fuzz.mjs, in a worker the parent can terminate when a case hangs.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, workerData } from 'node:worker_threads';

// A worker cannot be started with --expose-gc; this gives it a gc() for heap measurements.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');

const { root } = workerData;
const { validateContract } = await import(`${root}/packages/validate/dist/index.js`);
const { diffContracts } = await import(`${root}/packages/diff/dist/index.js`);
const { isPactoError } = await import(`${root}/packages/schema/dist/index.js`);

function describeThrow(error) {
  const name = error?.constructor?.name ?? typeof error;
  return `${name}: ${String(error?.message ?? error).split('\n')[0].slice(0, 200)}`;
}

parentPort.on('message', async (job) => {
  if (job.kind === 'heap') {
    gc();
    parentPort.postMessage({ heap: process.memoryUsage().heapUsed });
    return;
  }
  const start = performance.now();
  let outcome = 'ok';
  let detail;
  try {
    if (job.kind === 'validate') {
      const result = await validateContract({ fileName: 'pacto.yaml', text: job.text });
      for (const finding of [...result.errors, ...result.warnings]) {
        if (typeof finding.message !== 'string' || finding.message.includes('\n')) {
          outcome = 'bad-finding';
          detail = `${finding.code}: a message of ${typeof finding.message} with line breaks`;
        }
      }
    } else {
      diffContracts({ fileName: 'old/pacto.yaml', text: job.old }, { fileName: 'new/pacto.yaml', text: job.text });
    }
  } catch (error) {
    // Validation reports problems as findings; diff may refuse a contract with a typed DiffError. Anything else is a bug.
    const typed = job.kind === 'diff' && isPactoError(error);
    outcome = typed ? 'typed-throw' : 'untyped-throw';
    detail = describeThrow(error);
  }
  parentPort.postMessage({ outcome, detail, ms: performance.now() - start });
});
parentPort.postMessage({ ready: true });
