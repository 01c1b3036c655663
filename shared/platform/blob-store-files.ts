import { mkdir, readFile, rm, writeFile, rename } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assertSafeBlobKey, type BlobStore } from './blob-store';

/** Local blob store: `<root>/<key>` with the content type beside it in `<key>.meta.json`. */
export function fileBlobStore(root: string): BlobStore {
  const pathOf = (key: string) => {
    assertSafeBlobKey(key);
    return join(root, key);
  };
  return {
    async put(key, body, contentType) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      // Write then rename, so a reader never sees half a file.
      await writeFile(`${path}.tmp`, body);
      await writeFile(`${path}.meta.json`, JSON.stringify({ contentType }));
      await rename(`${path}.tmp`, path);
    },
    async get(key) {
      const path = pathOf(key);
      try {
        const [body, meta] = await Promise.all([readFile(path), readFile(`${path}.meta.json`, 'utf8')]);
        const parsed: unknown = JSON.parse(meta);
        const contentType =
          typeof parsed === 'object' && parsed !== null && 'contentType' in parsed && typeof parsed.contentType === 'string'
            ? parsed.contentType
            : 'application/octet-stream';
        return { body: new Uint8Array(body), contentType };
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      const path = pathOf(key);
      await rm(path, { force: true });
      await rm(`${path}.meta.json`, { force: true });
    },
  };
}
