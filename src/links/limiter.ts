/**
 * Runs tasks with two bounds at once: at most `overall` in flight, and at most `perHost` against any
 * one host, so a list with fifty links on one blog never hammers that blog.
 */
export interface Limiter {
  run<T>(host: string, task: () => Promise<T>): Promise<T>;
}

interface Waiting {
  host: string;
  start: () => void;
}

export function createLimiter(overall: number, perHost: number): Limiter {
  if (!(overall >= 1 && perHost >= 1)) throw new RangeError('concurrency limits must be at least 1');
  let active = 0;
  const activeByHost = new Map<string, number>();
  const queue: Waiting[] = [];

  const hasRoom = (host: string) => active < overall && (activeByHost.get(host) ?? 0) < perHost;

  function startNext(): void {
    // The first waiting task whose host has room goes next; others keep their place in line.
    for (let index = 0; index < queue.length && active < overall;) {
      const waiting = queue[index]!;
      if (!hasRoom(waiting.host)) {
        index++;
        continue;
      }
      queue.splice(index, 1);
      waiting.start();
    }
  }

  return {
    run<T>(host: string, task: () => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const start = () => {
          active++;
          activeByHost.set(host, (activeByHost.get(host) ?? 0) + 1);
          Promise.resolve()
            .then(task)
            .then(resolve, reject)
            .finally(() => {
              active--;
              activeByHost.set(host, activeByHost.get(host)! - 1);
              startNext();
            });
        };
        queue.push({ host, start });
        startNext();
      });
    },
  };
}

/** The politeness key: host name plus a non-default port (`blog.example.com`, `127.0.0.1:8080`). */
export function hostKey(url: string): string {
  return new URL(url).host.toLowerCase();
}
