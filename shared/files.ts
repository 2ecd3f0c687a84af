/** The data folder's own health, its backups and uploads: what the engine found and keeps, as the UI shows it. */

/** An engagement file that failed its check: it opens read-only and is offered for restore. */
export interface DamagedFile {
  engagementId: string;
  client: string;
  file: string;
  /** What the check found, in SQLite's words. */
  reason: string;
  checkedAt: string;
}

/** One of several files in the folder that hold the same engagement (a copy left by a sync or by hand). */
export interface DuplicateCopy {
  file: string;
  /** The file the app reads and writes for this engagement. */
  inUse: boolean;
  client: string;
  size: number;
  /** When the file was last written, by its timestamp on disk. */
  modifiedAt: string;
  /** Audit entries in the file, and its last change. */
  changes: number;
  lastChange: { at: string; actor: string; command: string } | null;
}

export interface DuplicateGroup {
  engagementId: string;
  client: string;
  copies: DuplicateCopy[];
}

/** A file that a create interrupted by a crash left behind: removed when it held nothing, else kept and reported. */
export interface HalfCreatedFile {
  file: string;
  action: 'removed' | 'kept';
  message: string;
}

export interface DataFolderHealth {
  damaged: DamagedFile[];
  duplicates: DuplicateGroup[];
  halfCreated: HalfCreatedFile[];
  /** Set when the library index was damaged and rebuilt from the engagement files at start. */
  libraryRebuilt: { keptAs: string; reason: string } | null;
}

export const backupReasons = ['daily', 'manual', 'migration', 'import', 'before-restore', 'before-delete'] as const;
export type BackupReason = (typeof backupReasons)[number];

export interface BackupInfo {
  /** The backup's file name in the engagement's backup folder. */
  id: string;
  engagementId: string;
  at: string;
  reason: BackupReason;
  /** The format version the copy was written in (a copy taken before a migration has the old one). */
  fileVersion: number;
  size: number;
  /** What has changed in the engagement since: audit entries written after the copy, and the last one. */
  changesSince: { entries: number; last: { at: string; actor: string; command: string } | null } | null;
}

export interface BackupList {
  engagementId: string;
  client: string;
  folder: string;
  backups: BackupInfo[];
  /** Total size of the engagement's backups, and the cap after which the oldest are dropped. */
  totalBytes: number;
  capBytes: number;
  /** Set when the engagement's file is damaged: why, so the screen can offer a restore first. */
  damaged: string | null;
}

/** A file received by the upload endpoint (browser mode) or chosen in a dialog (desktop), waiting to be added. */
export interface UploadRef {
  uploadId: string;
  name: string;
  size: number;
  sha256: string;
}
