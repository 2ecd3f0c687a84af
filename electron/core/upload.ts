/**
 * Evidence files as they arrive, checked before anything is written. Small files may come as base64 inside
 * a command's JSON; any file may be streamed to `uploads/` of the data folder (browser mode's
 * `POST /api/upload`, or a path chosen in the desktop app's dialog) while it is hashed and held to the limit,
 * then added by its upload id. A streamed file is stored in the engagement file in 4 MiB parts, so neither
 * the upload nor the write holds the whole file in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, copyFileSync, createReadStream, createWriteStream, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { ApiError } from '../../shared/errors';
import type { UploadRef } from '../../shared/files';
import type { ReadHandle, WriteHandle } from './db/handle';
import { isDiskFull } from './disk';

const TEXT_EXTENSIONS = /\.(txt|md|markdown|csv|tsv|log)$/i;
/** Text indexed from one attachment, at most. */
const MAX_INDEXED_TEXT = 2 * 1024 * 1024;
/** Size of the parts a streamed file is stored in. */
export const PART_BYTES = 4 * 1024 * 1024;
/**
 * Largest file accepted as base64 inside a command's JSON: the JSON text of a larger one would pass what a
 * JavaScript string can hold. Larger files are streamed (POST /api/upload, or the desktop app's file dialog).
 */
export const INLINE_LIMIT_MB = 128;
/** Largest attachment sent back whole by `evidence.file` (base64 in JSON), for the same reason. */
export const READ_BACK_LIMIT_BYTES = INLINE_LIMIT_MB * 1048576;

export function formatMb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

/** A file ready to be stored: its bytes in memory, or a file streamed to the uploads folder. */
export type DecodedUpload = {
  sha256: string;
  size: number;
  /** The searchable text of a text file, or null. */
  text: string | null;
} & ({ bytes: Buffer; path?: undefined } | { path: string; bytes?: undefined });

function isText(name: string, mime: string): boolean {
  return TEXT_EXTENSIONS.test(name) || mime.startsWith('text/');
}

function textOf(head: Buffer): string | null {
  const decoded = head.subarray(0, MAX_INDEXED_TEXT).toString('utf8');
  return decoded.includes('\u0000') ? null : decoded;
}

function tooLarge(name: string, size: number, limitMb: number): ApiError {
  return new ApiError('too_large', `file: ${name} is ${formatMb(size)}; the limit is ${limitMb} MB (change it in Settings).`, { size, limitMb });
}

/** Checks a file's bytes against the limit and hashes them; text files also give their text for search. */
export function checkUpload(name: string, mime: string, bytes: Buffer, limitMb: number): DecodedUpload {
  if (bytes.length === 0) {
    throw new ApiError('invalid_input', `file: ${name} is empty; there is nothing to keep as evidence.`, { fields: [{ path: 'file', message: 'empty file' }] });
  }
  if (bytes.length > limitMb * 1048576) throw tooLarge(name, bytes.length, limitMb);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return { bytes, sha256, size: bytes.length, text: isText(name, mime) ? textOf(bytes) : null };
}

/** Decodes a file sent as base64 inside a command's JSON. */
export function decodeUpload(file: { name: string; mime: string; dataBase64: string }, limitMb: number): DecodedUpload {
  const b64 = file.dataBase64.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    throw new ApiError('invalid_input', `file: the content of ${file.name} could not be read (it is not base64).`, {
      fields: [{ path: 'file.dataBase64', message: 'not base64' }],
    });
  }
  // Checked before decoding: three bytes for every four characters.
  const size = Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0);
  if (size > limitMb * 1048576) throw tooLarge(file.name, size, limitMb);
  if (size > INLINE_LIMIT_MB * 1048576) {
    throw new ApiError(
      'too_large',
      `file: ${file.name} is ${formatMb(size)}; a file sent inside a command as base64 may be at most ${INLINE_LIMIT_MB} MB. Send it to POST /api/upload (browser mode) or choose it in the file dialog (desktop app) and add it by its upload id.`,
      { size, inlineLimitMb: INLINE_LIMIT_MB },
    );
  }
  return checkUpload(file.name, file.mime, Buffer.from(b64, 'base64'), limitMb);
}

interface Upload extends UploadRef {
  path: string;
  mime: string;
  text: string | null;
}

/** Files streamed into `uploads/` of the data folder, waiting for `evidence.add`; cleared at every start. */
export class UploadStore {
  private readonly uploads = new Map<string, Upload>();

  constructor(readonly dir: string) {}

  clear(): void {
    if (!existsSync(this.dir)) return;
    for (const f of readdirSync(this.dir)) rmSync(join(this.dir, f), { force: true });
  }

  /**
   * Streams `source` to a file while hashing it and holding it to the limit; memory stays flat whatever the
   * size. Over the limit, or on any failure, the partial file is removed.
   */
  async receive(source: Readable, meta: { name: string; mime: string }, limitMb: number): Promise<UploadRef> {
    const limit = limitMb * 1048576;
    mkdirSync(this.dir, { recursive: true });
    const uploadId = randomBytes(16).toString('hex');
    const path = join(this.dir, `${uploadId}.part`);
    const hash = createHash('sha256');
    const text = isText(meta.name, meta.mime);
    const head: Buffer[] = [];
    let headBytes = 0;
    let size = 0;
    const out = createWriteStream(path);
    try {
      await new Promise<void>((resolve, reject) => {
        let failed = false;
        const fail = (err: Error) => {
          if (failed) return;
          failed = true;
          source.unpipe(out);
          out.destroy();
          reject(err);
        };
        source.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > limit) return fail(tooLarge(meta.name, size, limitMb));
          hash.update(chunk);
          if (text && headBytes < MAX_INDEXED_TEXT) {
            head.push(chunk);
            headBytes += chunk.length;
          }
        });
        source.on('error', fail);
        source.on('aborted', () => fail(new ApiError('invalid_input', `file: the upload of ${meta.name} was interrupted.`)));
        out.on('error', fail);
        out.on('finish', () => (failed ? undefined : resolve()));
        source.pipe(out);
      });
    } catch (err) {
      rmSync(path, { force: true });
      if (isDiskFull(err)) throw new ApiError('disk_full', `file: ${meta.name} could not be received: the disk holding the data folder is full.`, { what: 'upload' });
      throw err;
    }
    if (size === 0) {
      rmSync(path, { force: true });
      throw new ApiError('invalid_input', `file: ${meta.name} is empty; there is nothing to keep as evidence.`, { fields: [{ path: 'file', message: 'empty file' }] });
    }
    const upload: Upload = { uploadId, name: meta.name, mime: meta.mime, size, sha256: hash.digest('hex'), path, text: text ? textOf(Buffer.concat(head)) : null };
    this.uploads.set(uploadId, upload);
    return { uploadId, name: upload.name, size, sha256: upload.sha256 };
  }

  /** Reads a file from disk (the desktop app's file dialog) the same way. */
  fromPath(path: string, meta: { name: string; mime: string }, limitMb: number): Promise<UploadRef> {
    return this.receive(createReadStream(path), meta, limitMb);
  }

  /** The upload for `evidence.add`, checked against the limit in force now. */
  take(uploadId: string, limitMb: number): DecodedUpload & { name: string; mime: string } {
    const u = this.uploads.get(uploadId);
    if (!u || !existsSync(u.path)) {
      throw new ApiError('not_found', `file.uploadId: there is no upload ${uploadId} waiting (it was added already, or the app restarted since). Send the file again.`, {
        fields: [{ path: 'file.uploadId', message: 'unknown upload' }],
      });
    }
    if (u.size > limitMb * 1048576) throw tooLarge(u.name, u.size, limitMb);
    return { path: u.path, sha256: u.sha256, size: u.size, text: u.text, name: u.name, mime: u.mime };
  }

  /** Removes an upload once added (or dropped). */
  discard(uploadId: string): boolean {
    const u = this.uploads.get(uploadId);
    this.uploads.delete(uploadId);
    if (u) rmSync(u.path, { force: true });
    return Boolean(u);
  }
}

/**
 * Stores an attachment (content-addressed: a file already stored is not stored twice). Bytes in memory go
 * in one row; a streamed file goes in parts, read from its upload a part at a time.
 */
export function insertAttachment(tx: WriteHandle, upload: DecodedUpload, mime: string, at: string): void {
  if (upload.bytes) {
    tx.run(
      'INSERT INTO attachment (sha256, size, mime, content, text_content, created_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (sha256) DO NOTHING',
      upload.sha256, upload.size, mime, upload.bytes, upload.text, at,
    );
    return;
  }
  if (tx.get('SELECT 1 FROM attachment WHERE sha256 = ?', upload.sha256)) return;
  tx.run('INSERT INTO attachment (sha256, size, mime, content, text_content, created_at) VALUES (?, ?, ?, ?, ?, ?)', upload.sha256, upload.size, mime, Buffer.alloc(0), upload.text, at);
  const fd = openSync(upload.path, 'r');
  const buffer = Buffer.allocUnsafe(PART_BYTES);
  try {
    let seq = 0;
    let position = 0;
    for (;;) {
      let filled = 0;
      while (filled < PART_BYTES) {
        const n = readSync(fd, buffer, filled, PART_BYTES - filled, position);
        if (n === 0) break;
        filled += n;
        position += n;
      }
      if (filled === 0) break;
      tx.run('INSERT INTO attachment_part (sha256, seq, data) VALUES (?, ?, ?)', upload.sha256, seq++, buffer.subarray(0, filled));
      if (filled < PART_BYTES) break;
    }
    if (position !== upload.size) throw new ApiError('conflict', `file: the upload changed while it was being stored (${position} bytes instead of ${upload.size}). Send it again.`);
  } finally {
    closeSync(fd);
  }
}

/** An attachment's bytes, whether stored in one row or in parts. */
export function readAttachment(db: ReadHandle, sha256: string, title: string): { size: number; mime: string; content: Buffer } | undefined {
  const att = db.get<{ size: number; mime: string; content: Buffer }>('SELECT size, mime, content FROM attachment WHERE sha256 = ?', sha256);
  if (!att || att.content.length > 0 || att.size === 0) return att;
  if (att.size > READ_BACK_LIMIT_BYTES) {
    throw new ApiError('too_large', `The file of evidence "${title}" is ${formatMb(att.size)}: too large to send back in one answer (the most is ${INLINE_LIMIT_MB} MB). Download it through GET /api/file.`, {
      size: att.size,
    });
  }
  const parts = db.all<{ data: Buffer }>('SELECT data FROM attachment_part WHERE sha256 = ? ORDER BY seq', sha256);
  return { ...att, content: Buffer.concat(parts.map((p) => p.data)) };
}

/** An evidence file's name, size and bytes a part at a time, for a download that holds one part in memory. */
export async function attachmentStream(
  engine: { files: { get(id: string): Promise<{ read: ReadHandle }> } },
  engagementId: string,
  evidenceId: string,
): Promise<{ name: string; size: number; parts: () => Iterable<Buffer> }> {
  const db = (await engine.files.get(engagementId)).read;
  const ev = db.get<{ title: string; file_name: string | null; attachment_sha256: string | null }>('SELECT title, file_name, attachment_sha256 FROM evidence WHERE id = ?', evidenceId);
  if (!ev) throw new ApiError('not_found', `No evidence item with id ${evidenceId} in this engagement.`, { evidenceId });
  const sha = ev.attachment_sha256;
  if (!sha) throw new ApiError('not_found', `Evidence "${ev.title}" has no file attached.`, { evidenceId });
  const att = db.get<{ size: number; inline: number }>('SELECT size, length(content) AS inline FROM attachment WHERE sha256 = ?', sha);
  if (!att) throw new ApiError('file_corrupt', `The file of evidence "${ev.title}" is missing from the engagement file.`, { evidenceId });
  const parts = function* (): Iterable<Buffer> {
    if (att.inline > 0) {
      yield db.get<{ content: Buffer }>('SELECT content FROM attachment WHERE sha256 = ?', sha)!.content;
      return;
    }
    for (let seq = 0; ; seq++) {
      const part = db.get<{ data: Buffer }>('SELECT data FROM attachment_part WHERE sha256 = ? AND seq = ?', sha, seq);
      if (!part) return;
      yield part.data;
    }
  };
  return { name: ev.file_name ?? 'attachment', size: att.size, parts };
}

const MIME_BY_EXTENSION: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.csv': 'text/csv',
  '.json': 'application/json',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  '.zip': 'application/zip',
};

/** The media type of a file chosen on disk, by its extension. */
export function mimeFor(fileName: string): string {
  const m = /\.[^.]+$/.exec(fileName.toLowerCase());
  return (m && MIME_BY_EXTENSION[m[0]]) || 'application/octet-stream';
}

/** A file a command carries: inline as base64, or received earlier by POST /api/upload and named by its id. */
export interface CarriedFile {
  name: string;
  mime: string;
  dataBase64?: string;
  uploadId?: string;
}

/** The bytes of a carried file (an upload is removed once read). */
export function carriedBytes(uploads: UploadStore, file: CarriedFile, limitMb: number): Buffer {
  if (!file.uploadId) return decodeUpload({ ...file, dataBase64: file.dataBase64 ?? '' }, limitMb).bytes!;
  const taken = uploads.take(file.uploadId, limitMb);
  try {
    return readFileSync(taken.path!);
  } finally {
    uploads.discard(file.uploadId);
  }
}

/** Writes a carried file to `dest` without holding a streamed upload in memory (an upload is removed once copied). */
export function writeCarried(uploads: UploadStore, file: CarriedFile, dest: string, limitMb: number): void {
  if (!file.uploadId) {
    writeFileSync(dest, decodeUpload({ ...file, dataBase64: file.dataBase64 ?? '' }, limitMb).bytes!);
    return;
  }
  const taken = uploads.take(file.uploadId, limitMb);
  try {
    copyFileSync(taken.path!, dest);
  } finally {
    uploads.discard(file.uploadId);
  }
}
