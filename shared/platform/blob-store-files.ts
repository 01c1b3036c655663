import { randomBytes } from 'node:crypto';
import { link, mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import { AppError } from '../errors';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { assertSafeBlobKey, type BlobStore } from './blob-store';

const metaSchema = z.object({ contentType: z.string() });

/**
 * Local blob store. Each key is one flat file name (the key, percent-encoded), so `a` and `a/b` can
 * both exist as in S3 and no key can reach outside the folder; the content type sits beside it in
 * `meta/`. Body and metadata are each written to a unique temporary file and renamed into place,
 * so a reader never sees half a file and two writers never share a temporary file.
 */
export function fileBlobStore(root: string): BlobStore {
  const paths = (key: string) => {
    assertSafeBlobKey(key);
    const name = encodeURIComponent(key);
    return { body: join(root, 'data', name), meta: join(root, 'meta', `${name}.json`) };
  };
  const writeAtomically = async (path: string, content: Uint8Array | string) => {
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, content);
    await rename(temp, path);
  };
  /** Like writeAtomically, but the final link fails if the file exists (EEXIST): never replaces one. */
  const writeExclusively = async (path: string, content: Uint8Array) => {
    const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temp, content);
    try {
      await link(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
        throw new AppError('CONFLICT', 'The blob exists already', { cause: error });
      }
      throw error;
    } finally {
      await unlink(temp).catch(() => {});
    }
  };
  return {
    async put(key, body, contentType, options = {}) {
      const p = paths(key);
      await Promise.all([
        mkdir(join(root, 'data'), { recursive: true }),
        mkdir(join(root, 'meta'), { recursive: true }),
      ]);
      // Metadata first: a reader that finds the body finds its type too.
      await writeAtomically(p.meta, JSON.stringify({ contentType }));
      if (options.ifAbsent) await writeExclusively(p.body, body);
      else await writeAtomically(p.body, body);
    },
    async get(key) {
      const p = paths(key);
      try {
        const [body, meta] = await Promise.all([readFile(p.body), readFile(p.meta, 'utf8').catch(() => '{}')]);
        let parsed: unknown = null;
        try {
          parsed = JSON.parse(meta);
        } catch {
          // a damaged metadata file must not hide the body
        }
        const result = metaSchema.safeParse(parsed);
        return {
          body: new Uint8Array(body),
          contentType: result.success ? result.data.contentType : 'application/octet-stream',
        };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      const p = paths(key);
      await rm(p.body, { force: true });
      await rm(p.meta, { force: true });
    },
  };
}
