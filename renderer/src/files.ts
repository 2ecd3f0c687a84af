/** Files in and out of the engine: attachments travel as base64 inside the JSON of a command. */
import type { AttachmentContent, AttachmentInfo } from '../../shared/domain';

export function fileToBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

export function attachmentBlob(content: AttachmentContent): Blob {
  const binary = atob(content.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: content.mime || 'application/octet-stream' });
}

/** Saves a blob under a file name through an <a download>. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

export type PreviewKind = 'image' | 'text' | null;

export function previewKind(a: Pick<AttachmentInfo, 'fileName' | 'mime'>): PreviewKind {
  if (/^image\/(png|jpe?g|gif|webp|bmp|svg\+xml)$/i.test(a.mime) || /\.(png|jpe?g|gif|webp|bmp)$/i.test(a.fileName)) return 'image';
  if (/\.(txt|md|csv)$/i.test(a.fileName) || /^text\/(plain|markdown|csv)/i.test(a.mime)) return 'text';
  return null;
}
