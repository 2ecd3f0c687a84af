import { useState } from 'react';
import type { Participant } from '../../../shared/domain';
import type { FrameworkModule } from '../../../shared/framework/schema';
import { errorMessage } from '../api';
import { todayIso } from '../format';
import { useAssessment } from '../stores/assessment';
import { DialogForm, DialogFrame, Field } from './Dialog';

interface WorkshopDialogProps {
  open: boolean;
  modules: readonly FrameworkModule[];
  participants: readonly Participant[];
  onClose(): void;
}

/** Starts a workshop session: today's modules, who is in the room, how long the day is. */
export function WorkshopDialog({ open, modules, participants, onClose }: WorkshopDialogProps) {
  return (
    <DialogFrame open={open} onClose={onClose} wide>
      <WorkshopForm modules={modules} participants={participants} onClose={onClose} />
    </DialogFrame>
  );
}

/**
 * The form, filled each time the dialog opens (today, every module in scope, everyone) and then left to the
 * facilitator: a participant added meanwhile is not ticked behind their back.
 */
function WorkshopForm({ modules, participants, onClose }: Omit<WorkshopDialogProps, 'open'>) {
  const startWorkshop = useAssessment((s) => s.startWorkshop);
  const [heldOn, setHeldOn] = useState(todayIso);
  const [chosen, setChosen] = useState(() => modules.map((m) => m.id));
  const [present, setPresent] = useState(() => participants.map((p) => p.id));
  const [minutes, setMinutes] = useState('360');
  const [error, setError] = useState<string | null>(null);

  const toggle = (list: string[], id: string, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const capabilities = modules.filter((m) => chosen.includes(m.id)).reduce((n, m) => n + m.capabilities.length, 0);
  const perCapability = capabilities ? Number(minutes) / capabilities : 0;

  const submit = async () => {
    setError(null);
    try {
      await startWorkshop({
        heldOn,
        modules: modules.filter((m) => chosen.includes(m.id)).map((m) => m.id),
        participantIds: participants.filter((p) => present.includes(p.id)).map((p) => p.id),
        minutes: Number(minutes),
      });
      onClose();
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  return (
    <DialogForm title="Start workshop" onSubmit={submit} submitLabel="Start workshop" error={error}>
      <div className="form-grid">
        <Field label="Date">
          <input type="date" value={heldOn} onChange={(e) => setHeldOn(e.target.value)} />
        </Field>
        <Field label="Session length (minutes)" hint={capabilities ? `${capabilities} capabilities · about ${perCapability.toFixed(1)} min each` : 'Choose at least one module'}>
          <input type="number" min={10} max={1440} step={5} value={minutes} onChange={(e) => setMinutes(e.target.value)} />
        </Field>
      </div>
      <div className="two-col even">
        <fieldset className="scope">
          <legend>Modules for today</legend>
          {modules.map((m) => (
            <label key={m.id} className="check">
              <input type="checkbox" checked={chosen.includes(m.id)} onChange={(e) => setChosen(toggle(chosen, m.id, e.target.checked))} />
              <span>
                <span className="mono">{m.id}</span> {m.name}
              </span>
            </label>
          ))}
        </fieldset>
        <fieldset className="scope">
          <legend>Participants present</legend>
          {participants.map((p) => (
            <label key={p.id} className="check">
              <input type="checkbox" checked={present.includes(p.id)} onChange={(e) => setPresent(toggle(present, p.id, e.target.checked))} />
              {p.name}
              {p.role && <span className="muted small"> · {p.role}</span>}
            </label>
          ))}
          {participants.length === 0 && <p className="muted small">No participants yet: add them on the engagement’s People tab.</p>}
        </fieldset>
      </div>
    </DialogForm>
  );
}
