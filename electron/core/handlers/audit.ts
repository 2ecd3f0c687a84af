/** audit.*: the engagement's history of changes, newest first. */
import { toAudit, type AuditRow } from '../db/rows';
import type { HandlerMap } from '../registry';

export const auditHandlers: HandlerMap = {
  'audit.list': async (ctx, input) => {
    const db = (await ctx.files.get(input.engagementId)).read;
    const rows = input.entityId
      ? db.all<AuditRow>('SELECT * FROM audit_log WHERE entity_id = ? ORDER BY seq DESC LIMIT ?', input.entityId, input.limit)
      : db.all<AuditRow>('SELECT * FROM audit_log ORDER BY seq DESC LIMIT ?', input.limit);
    return rows.map(toAudit);
  },
};
