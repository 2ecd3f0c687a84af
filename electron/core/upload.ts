/** Evidence files as they arrive: decoded and checked before anything is written. */
import { createHash } from 'node:crypto';
import { ApiError } from '../../shared/errors';

const TEXT_EXTENSIONS = /\.(txt|md|markdown|csv|tsv|log)$/i;
/** Text indexed from one attachment, at most. */
const MAX_INDEXED_TEXT = 2 * 1024 * 1024;

export function formatMb(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}

export interface DecodedUpload {
  bytes: Buffer;
  sha256: string;
  /** The searchable text of a text file, or null. */
  text: string | null;
}

/** Checks a file's bytes against the limit and hashes them; text files also give their text for search. */
export function checkUpload(name: string, mime: string, bytes: Buffer, limitMb: number): DecodedUpload {
  if (bytes.length === 0) {
    throw new ApiError('invalid_input', `file: ${name} is empty; there is nothing to keep as evidence.`, { fields: [{ path: 'file', message: 'empty file' }] });
  }
  if (bytes.length > limitMb * 1048576) {
    throw new ApiError('too_large', `file: ${name} is ${formatMb(bytes.length)}; the limit is ${limitMb} MB (change it in Settings).`, { size: bytes.length, limitMb });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let text: string | null = null;
  if (TEXT_EXTENSIONS.test(name) || mime.startsWith('text/')) {
    const decoded = bytes.subarray(0, MAX_INDEXED_TEXT).toString('utf8');
    if (!decoded.includes('\u0000')) text = decoded;
  }
  return { bytes, sha256, text };
}

/** Decodes a file sent as base64 inside a command's JSON. */
export function decodeUpload(file: { name: string; mime: string; dataBase64: string }, limitMb: number): DecodedUpload {
  const b64 = file.dataBase64.replace(/\s+/g, '');
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) {
    throw new ApiError('invalid_input', `file: the content of ${file.name} could not be read (it is not base64).`, {
      fields: [{ path: 'file.dataBase64', message: 'not base64' }],
    });
  }
  return checkUpload(file.name, file.mime, Buffer.from(b64, 'base64'), limitMb);
}
