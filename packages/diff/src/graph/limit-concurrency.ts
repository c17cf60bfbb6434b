/** Runs at most `limit` tasks at once; later ones wait their turn in call order. */
export function limitConcurrency(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  // A queue read from `head` on: Array#shift moves every element, which for the 10,000 fetches queued
  // by a wide graph made this quadratic. Taken items are cleared and the array reset once it drains.
  let queue: ((() => void) | undefined)[] = [];
  let head = 0;
  const next = () => {
    if (running >= limit || head >= queue.length) return;
    const start = queue[head]!;
    queue[head++] = undefined;
    if (head === queue.length) {
      queue = [];
      head = 0;
    }
    start();
  };
  return <T>(task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push(() => {
        running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            running--;
            next();
          });
      });
      next();
    });
}
