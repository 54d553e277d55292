// Staff photos for the staff card (岗位牌): uploaded on the console, kept in <dataDir>/photos as
// <staff id>-<content hash>.<ext> (a new photo gets a new address, so no screen shows a stale one),
// served publicly like the card itself. Only JPEG, PNG and WebP, recognised by their first bytes.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { dataFolder } from '../storage/data-folder.js';
import { PhotoFiles } from '../storage/photo-files.js';

export const MAX_PHOTO_BYTES = 512 * 1024;
export const PHOTO_ROUTE = '/photos';
const FILE = /^[a-z0-9][a-z0-9-]*-[0-9a-f]{16}\.(jpg|png|webp)$/;

function kindOf(bytes: Buffer): 'jpg' | 'png' | 'webp' | undefined {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))) return 'jpg';
  if (bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return undefined;
}

export class PhotoStore {
  readonly #files: PhotoFiles;

  constructor(dataDir: string) {
    this.#files = new PhotoFiles(dataFolder(dataDir).photos);
  }

  /** Stores the image durably; its public address, or undefined when it is not an image we take. */
  async save(staffId: string, bytes: Buffer): Promise<string | undefined> {
    const kind = kindOf(bytes);
    if (!kind || bytes.length > MAX_PHOTO_BYTES) return undefined;
    const name = `${staffId}-${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}.${kind}`;
    await this.#files.save(name, bytes);
    return `/api${PHOTO_ROUTE}/${name}`;
  }

  /** The file behind a photo address, if it is one of ours. */
  file(name: string): string | undefined {
    return FILE.test(name) ? this.#files.path(name) : undefined;
  }

  async remove(url: string): Promise<void> {
    const name = path.basename(url);
    if (FILE.test(name) && url.startsWith(`/api${PHOTO_ROUTE}/`)) await this.#files.remove(name);
  }
}
