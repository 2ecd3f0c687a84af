/**
 * The roadmap scenarios an export shows, read in the export's read transaction: each scenario's settings
 * and the outputs `scenario.outputs` computes (from the stored schedule, or the manual starts), so the deck
 * and the workbook quote the roadmap screens' numbers. A scenario the engagement does not have, or one in
 * optimal mode that was never scheduled, is refused with its name and what to do.
 */
import { ApiError } from '../../../shared/errors';
import type { ReportScenario } from '../../../shared/report/input';
import type { ReadHandle } from '../db/handle';
import { readInitiatives, readRateCard, toScenario, type ScenarioRow } from '../roadmap/model';
import { scenarioOutputs } from '../roadmap/scenarios';

export interface ScenarioRequest {
  scenarioId?: string;
  /** Scenarios compared beside `scenarioId`. */
  compareScenarioIds?: readonly string[];
}

function rowOf(db: ReadHandle, id: string, field: string, client: string): ScenarioRow {
  const row = db.get<ScenarioRow>('SELECT * FROM scenario WHERE id = ?', id);
  if (!row) {
    throw new ApiError('not_found', `${field}: there is no roadmap scenario with id ${id} in ${client}; a scenario can only be exported with the engagement it was planned in.`, {
      fields: [{ path: field, message: 'no such scenario in this engagement' }],
    });
  }
  return row;
}

function read(db: ReadHandle, row: ScenarioRow, field: string, shared: Pick<ReportScenario, 'initiatives' | 'rateCard'>): ReportScenario {
  const scenario = toScenario(db, row);
  const scheduled = !!db.get('SELECT 1 AS x FROM scenario_schedule WHERE scenario_id = ?', row.id);
  if (scenario.mode === 'optimal' && !scheduled) {
    throw new ApiError(
      'invalid_input',
      `${field}: scenario "${scenario.name}" has not been scheduled yet, so it has no plan to show; schedule it on the Roadmap screen (scenario.schedule), or set its starts by hand, then export again.`,
      { fields: [{ path: field, message: 'not scheduled yet' }] },
    );
  }
  const outputs = scenarioOutputs(db, row);
  const baseline = db.get<{ id: string; label: string }>('SELECT id, label FROM assessment WHERE id = ?', scenario.baselineAssessmentId)!;
  return {
    id: scenario.id,
    name: scenario.name,
    mode: scenario.mode,
    baseline,
    budget: scenario.budget,
    capacity: scenario.capacity,
    schedule: outputs.schedule ? { status: outputs.schedule.status, gap: outputs.schedule.gap, solvedAt: outputs.schedule.solvedAt, stale: outputs.schedule.stale } : null,
    outputs,
    ...shared,
  };
}

/** The scenario the roadmap sections show and the scenarios compared (that one first), or none. */
export function readScenarios(db: ReadHandle, request: ScenarioRequest, client: string): { scenario: ReportScenario | null; compare: ReportScenario[] } {
  if (!request.scenarioId) {
    if (request.compareScenarioIds?.length) {
      throw new ApiError('invalid_input', 'compareScenarioIds: a comparison needs the scenario it starts from (scenarioId).', {
        fields: [{ path: 'scenarioId', message: 'needed for a comparison' }],
      });
    }
    return { scenario: null, compare: [] };
  }
  const shared = { initiatives: readInitiatives(db), rateCard: readRateCard(db) };
  const scenario = read(db, rowOf(db, request.scenarioId, 'scenarioId', client), 'scenarioId', shared);
  const others = [...new Set(request.compareScenarioIds ?? [])].filter((id) => id !== scenario.id);
  const compare = others.map((id) => read(db, rowOf(db, id, 'compareScenarioIds', client), 'compareScenarioIds', shared));
  return { scenario, compare: compare.length ? [scenario, ...compare] : [] };
}
