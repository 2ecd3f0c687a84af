/** Numbered migrations per kind of file, in steps of 10; PRAGMA user_version records the last applied. */
import engagement0010 from './engagement/0010-create-engagement.sql';
import engagement0020 from './engagement/0020-workshop.sql';
import engagement0030 from './engagement/0030-criteria.sql';
import engagement0040 from './engagement/0040-workshop-room.sql';
import engagement0050 from './engagement/0050-attachment-parts.sql';
import engagement0060 from './engagement/0060-branding.sql';
import engagement0070 from './engagement/0070-roadmap.sql';
import engagement0080 from './engagement/0080-people.sql';
import library0010 from './library/0010-create-library.sql';
import library0020 from './library/0020-frameworks.sql';
import library0030 from './library/0030-assessment-rollup.sql';
import library0040 from './library/0040-file-health.sql';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const engagementMigrations: readonly Migration[] = [
  { version: 10, name: '0010-create-engagement', sql: engagement0010 },
  { version: 20, name: '0020-workshop', sql: engagement0020 },
  { version: 30, name: '0030-criteria', sql: engagement0030 },
  { version: 40, name: '0040-workshop-room', sql: engagement0040 },
  { version: 50, name: '0050-attachment-parts', sql: engagement0050 },
  { version: 60, name: '0060-branding', sql: engagement0060 },
  { version: 70, name: '0070-roadmap', sql: engagement0070 },
  { version: 80, name: '0080-people', sql: engagement0080 },
];

export const libraryMigrations: readonly Migration[] = [
  { version: 10, name: '0010-create-library', sql: library0010 },
  { version: 20, name: '0020-frameworks', sql: library0020 },
  { version: 30, name: '0030-assessment-rollup', sql: library0030 },
  { version: 40, name: '0040-file-health', sql: library0040 },
];
