import { t, type Lang } from '../i18n/index.js';
import type { SourceProgress } from '../load/index.js';
import type { CliIO } from './io.js';

/**
 * A one-line progress display on stderr while files are read, only when stderr is
 * a terminal (cron mail and log files get the JSON lines alone).
 */
export function terminalProgress(io: CliIO, lang: Lang): { onProgress?: SourceProgress; done(): void } {
  if (!io.stderr.isTTY) return { done: () => undefined };
  let lastDraw = 0;
  let drawn = false;
  return {
    onProgress(source, file, bytesRead, totalBytes) {
      const now = Date.now();
      if (now - lastDraw < 200 && bytesRead < totalBytes) return;
      lastDraw = now;
      drawn = true;
      const percent = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
      io.stderr.write(`\r\x1b[2K${t('cli.progress', lang, { source: t(`report.source_long.${source}`, lang), file, percent })}`);
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
