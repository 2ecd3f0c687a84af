/** What the workspace and the projector both need: the assessment and its engagement open, and the derived model. */
import { useEffect, useState } from 'react';
import type { AssessmentDetail } from '../../../shared/domain';
import type { Framework } from '../../../shared/framework/schema';
import { useAssessment } from '../stores/assessment';
import { useEngagement } from '../stores/data';
import { buildModel, type WorkspaceModel } from './model';

/** Opens the assessment (and its engagement, for participant names) and returns what is loaded. */
export function useOpenAssessment(engagementId: string, assessmentId: string) {
  const detail = useAssessment((s) => s.detail);
  const framework = useAssessment((s) => s.framework);
  const error = useAssessment((s) => s.error);
  const open = useAssessment((s) => s.open);
  const engagement = useEngagement((s) => s.current);
  const openEngagement = useEngagement((s) => s.open);
  useEffect(() => {
    void open(engagementId, assessmentId);
    if (useEngagement.getState().current?.id !== engagementId) void openEngagement(engagementId);
  }, [engagementId, assessmentId, open, openEngagement]);
  const ready = !!detail && !!framework && detail.assessment.id === assessmentId;
  return {
    detail: ready ? detail : null,
    framework: ready ? framework : null,
    error,
    engagement: engagement?.id === engagementId ? engagement : null,
    participants: engagement?.id === engagementId ? engagement.participants : [],
  };
}

/** The rows and progress of an assessment; rows that did not change keep their identity between edits. */
export function useWorkspaceModel(framework: Framework | null, detail: AssessmentDetail | null): WorkspaceModel | null {
  // The model built from the last framework and detail seen, kept as state so the next one can reuse its rows.
  const [built, setBuilt] = useState<{ framework: Framework; detail: AssessmentDetail; model: WorkspaceModel } | null>(null);
  if (!framework || !detail) return null;
  if (built?.framework === framework && built.detail === detail) return built.model;
  const model = buildModel(framework, detail, built?.framework === framework ? built.model : null);
  // Recorded during render (React re-renders this component at once, before its children): no effect, no stale frame.
  setBuilt({ framework, detail, model });
  return model;
}
