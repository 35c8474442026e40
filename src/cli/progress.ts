import { t, type Lang } from '../i18n/index.js';
import type { SourceName } from '../domain/index.js';
import type { SourceProgress } from '../load/index.js';
import type { CliIO } from './io.js';

/**
 * A one-line progress display on stderr while files are read, only when stderr is
 * a terminal (cron mail and log files get the JSON lines alone). The household
 * register is read beside the other sources (load/side-loader.ts): while more than
 * one file is being read, the line names each with its percentage.
 */
export function terminalProgress(io: CliIO, lang: Lang): { onProgress?: SourceProgress; done(): void } {
  if (!io.stderr.isTTY) return { done: () => undefined };
  let lastDraw = 0;
  let drawn = false;
  const reading = new Map<SourceName, number>();
  return {
    onProgress(source, file, bytesRead, totalBytes) {
      const percent = totalBytes > 0 ? Math.floor((bytesRead / totalBytes) * 100) : 100;
      if (bytesRead < totalBytes) reading.set(source, percent);
      else reading.delete(source);
      const now = Date.now();
      if (now - lastDraw < 200 && bytesRead < totalBytes) return;
      lastDraw = now;
      drawn = true;
      const sourceName = (name: SourceName) => t(`report.source_long.${name}`, lang);
      const line =
        reading.size > 1
          ? t('cli.progress_many', lang, {
              files: [...reading]
                .map(([name, done]) => t('cli.progress_part', lang, { source: sourceName(name), percent: done }))
                .join(' · '),
            })
          : t('cli.progress', lang, { source: sourceName(source), file, percent });
      io.stderr.write(`\r\x1b[2K${line}`);
    },
    done() {
      if (drawn) io.stderr.write('\r\x1b[2K');
    },
  };
}
