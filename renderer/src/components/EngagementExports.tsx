/** The engagement screen's export actions: the deck or workbook, the pre-workshop survey, the engagement as one file. */
import { useState } from 'react';
import type { Engagement } from '../../../shared/domain';
import { ExportEngagementDialog } from './EngagementFileDialog';
import { ExportDialog } from './ExportDialog';
import { SurveyDialog } from './SurveyDialog';

export function EngagementExports({ engagement }: { engagement: Engagement }) {
  const [open, setOpen] = useState<'export' | 'survey' | 'file' | null>(null);
  const close = () => setOpen(null);
  return (
    <div className="page-actions">
      <button className="btn" onClick={() => setOpen('export')} disabled={engagement.assessments.length === 0}>
        Export deck or workbook…
      </button>
      <button className="btn" onClick={() => setOpen('survey')} disabled={engagement.assessments.length === 0}>
        Survey…
      </button>
      <button className="btn ghost" onClick={() => setOpen('file')}>
        Export engagement file…
      </button>
      <ExportDialog open={open === 'export'} onClose={close} engagement={engagement} />
      <SurveyDialog open={open === 'survey'} onClose={close} engagement={engagement} />
      <ExportEngagementDialog open={open === 'file'} onClose={close} engagement={engagement} />
    </div>
  );
}
