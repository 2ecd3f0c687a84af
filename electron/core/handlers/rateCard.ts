/** rateCard.*: the roles an engagement's initiatives are staffed with, each with a day rate in minor units. */
import { ApiError } from '../../../shared/errors';
import type { RateCard } from '../../../shared/roadmap/types';
import type { RowChange } from '../db/undo';
import { mutation } from '../mutation';
import type { HandlerMap } from '../registry';
import { readInitiatives, readRateCard, type RoleRow } from '../roadmap/model';
import { deleteRow, deleteWhere, putRow } from '../roadmap/write';

export const rateCardHandlers: HandlerMap = {
  'rateCard.get': async (ctx, input) => readRateCard((await ctx.files.get(input.engagementId)).read),

  'rateCard.set': (ctx, input) =>
    mutation(ctx, input.engagementId, { entity: 'rate_card' }, (tx) => {
      const before = readRateCard(tx);
      const known = new Map(tx.all<RoleRow>('SELECT * FROM roadmap_role').map((r) => [r.id, r]));
      const fields: { path: string; message: string }[] = [];
      const names = new Map<string, number>();
      input.roles.forEach((r, k) => {
        if (r.id !== undefined && !known.has(r.id)) fields.push({ path: `roles.${k}.id`, message: `Rate card: role id ${r.id} is not on the rate card; leave the id out to add a role` });
        const lower = r.name.toLowerCase();
        if (names.has(lower)) fields.push({ path: `roles.${k}.name`, message: `Rate card: the role "${r.name}" is listed twice` });
        names.set(lower, k);
        if (r.id !== undefined && input.roles.findIndex((o) => o.id === r.id) !== k) fields.push({ path: `roles.${k}.id`, message: `Rate card: role id ${r.id} is listed twice` });
      });
      const keep = new Set(input.roles.map((r) => r.id).filter((id): id is string => id !== undefined));
      const removed = [...known.values()].filter((r) => !keep.has(r.id));
      if (removed.length) {
        const initiatives = readInitiatives(tx);
        for (const role of removed) {
          const users = initiatives.filter((x) => x.effort.some((e) => e.roleId === role.id)).map((x) => x.name);
          if (users.length)
            fields.push({ path: 'roles', message: `Rate card: the role "${role.name}" is still in the effort of ${users.join(', ')}; take it out of ${users.length > 1 ? 'those initiatives' : 'that initiative'} first` });
        }
      }
      if (fields.length) {
        throw new ApiError('invalid_input', fields.length === 1 ? fields[0]!.message : `${fields.length} problems: ${fields.map((f) => f.message).join('; ')}`, { fields });
      }

      const changes: RowChange[] = [];
      for (const role of removed) {
        // a scenario's capacity for a role that no longer exists means nothing: it goes with the role
        deleteWhere(tx, 'scenario_capacity', 'role_id', role.id, changes);
        deleteRow(tx, 'roadmap_role', { id: role.id }, changes);
      }
      input.roles.forEach((r, k) => {
        const id = r.id ?? tx.newId();
        putRow(tx, 'roadmap_role', { id, name: r.name, day_rate: r.dayRate, position: k, created_at: known.get(id)?.created_at ?? tx.at }, changes);
      });
      const after: RateCard = readRateCard(tx);
      return { result: after, before, after, undo: { label: 'Edit the rate card', changes, scope: 'roadmap' } };
    }),
};
