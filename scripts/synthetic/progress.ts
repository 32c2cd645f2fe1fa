// Progress on stderr: a bar when stderr is a terminal, otherwise a line every few seconds.
import cliProgress from 'cli-progress';

export type Progress = { update: (done: number, total: number) => void; stop: () => void };

export function progressReporter(label: string): Progress {
  const started = performance.now();
  const rate = (done: number) => Math.round(done / Math.max(0.001, (performance.now() - started) / 1000));
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { stream: process.stderr, format: `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | {duration_formatted}`, hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    let started2 = false;
    let last = 0;
    return {
      update(done, total) {
        if (!started2) {
          bar.start(total, 0, { rate: 0 });
          started2 = true;
        }
        const now = performance.now();
        if (done === total || now - last > 100) {
          bar.update(done, { rate: rate(done) });
          last = now;
        }
      },
      stop: () => started2 && bar.stop(),
    };
  }
  let lastLine = 0;
  return {
    update(done, total) {
      const now = performance.now();
      if (done === total || now - lastLine > 5000) {
        process.stderr.write(`${label}: ${done}/${total} (${Math.round((100 * done) / total)}%), ${rate(done)}/s\n`);
        lastLine = now;
      }
    },
    stop: () => {},
  };
}
