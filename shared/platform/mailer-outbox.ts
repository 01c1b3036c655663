import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Clock } from './clock';
import type { IdGenerator } from './ids';
import { sentMailSchema, type Outbox, type SentMail } from './mailer';

/**
 * Local outbox. With a directory, each message is one JSON file (survives restarts, like the
 * rest of `.data/`); without one, messages are kept in memory (tests, `--in-memory`).
 */
export function outboxMailer(clock: Clock, ids: IdGenerator, dir?: string): Outbox {
  const memory: SentMail[] = [];
  return {
    async send(message) {
      const mail: SentMail = { ...message, id: ids.newId(), sentAt: clock.now().toISOString() };
      if (dir) {
        await mkdir(dir, { recursive: true });
        await writeFile(join(dir, `${mail.id}.json`), JSON.stringify(mail, null, 2));
      } else {
        memory.push(mail);
      }
      return mail.id;
    },
    async list() {
      if (!dir) return [...memory].reverse();
      let names: string[];
      try {
        names = (await readdir(dir))
          .filter((n) => n.endsWith('.json'))
          .sort()
          .reverse();
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
        throw error;
      }
      const mails = await Promise.all(
        names.map(async (n) => {
          try {
            const parsed = sentMailSchema.safeParse(JSON.parse(await readFile(join(dir, n), 'utf8')));
            return parsed.success ? [parsed.data] : [];
          } catch {
            return []; // a damaged file (edited by hand, half-copied) is skipped, not fatal
          }
        }),
      );
      return mails.flat();
    },
  };
}
