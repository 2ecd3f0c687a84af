import { useState } from 'react';
import type { Participant, WorkshopSession } from '../../../shared/domain';
import type { FrameworkModule } from '../../../shared/framework/schema';
import { errorMessage } from '../api';
import { todayIso } from '../format';
import { useAssessment } from '../stores/assessment';
import { useEngagement } from '../stores/data';
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
      {/* People who have left the engagement are not in the room. */}
      <WorkshopForm modules={modules} participants={participants.filter((p) => !p.leftAt)} onClose={onClose} />
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
  const [blind, setBlind] = useState(false);
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
        blind,
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
          <p className="muted small">Someone who comes later is ticked in with Attendance in the workshop bar.</p>
        </fieldset>
      </div>
      <label className="check blind-check">
        <input type="checkbox" checked={blind} onChange={(e) => setBlind(e.target.checked)} />
        <span>
          <strong>Blind voting</strong>: the projector shows how many have voted and reveals the votes all at once when you press B, so no one
          follows the first vote.
        </span>
      </label>
    </DialogForm>
  );
}

interface AttendanceDialogProps {
  open: boolean;
  session: WorkshopSession;
  participants: readonly Participant[];
  onClose(): void;
}

/** Who is in the room now: late arrivals are ticked in (or added), leavers ticked out; the vote order follows. */
export function AttendanceDialog({ open, session, participants, onClose }: AttendanceDialogProps) {
  return (
    <DialogFrame open={open} onClose={onClose}>
      <AttendanceForm session={session} participants={participants.filter((p) => !p.leftAt)} onClose={onClose} />
    </DialogFrame>
  );
}

function AttendanceForm({ session, participants, onClose }: Omit<AttendanceDialogProps, 'open'>) {
  const updateWorkshop = useAssessment((s) => s.updateWorkshop);
  const addParticipant = useEngagement((s) => s.addParticipant);
  // A session started with nobody ticked counts everyone as present.
  const [present, setPresent] = useState(() => (session.participantIds.length ? session.participantIds : participants.map((p) => p.id)));
  const [newName, setNewName] = useState('');
  const [error, setError] = useState<string | null>(null);

  const addPerson = async () => {
    if (!newName.trim()) return;
    setError(null);
    try {
      const p = await addParticipant({ name: newName.trim() });
      setPresent((list) => [...list, p.id]);
      setNewName('');
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const submit = async () => {
    setError(null);
    const done = await updateWorkshop(session.id, { participantIds: participants.filter((p) => present.includes(p.id)).map((p) => p.id) });
    if (done) onClose();
  };

  return (
    <DialogForm title="Who is in the room" onSubmit={submit} submitLabel="Save attendance" error={error}>
      <fieldset className="scope">
        <legend>Present now ({present.length})</legend>
        {participants.map((p) => (
          <label key={p.id} className="check">
            <input type="checkbox" checked={present.includes(p.id)} onChange={(e) => setPresent((list) => (e.target.checked ? [...list, p.id] : list.filter((x) => x !== p.id)))} />
            {p.name}
            {p.role && <span className="muted small"> · {p.role}</span>}
          </label>
        ))}
      </fieldset>
      <div className="inline-form attendance-add">
        <label className="field grow">
          <span className="field-label">Someone new</span>
          <input
            value={newName}
            placeholder="Name of a late arrival"
            onChange={(e) => setNewName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                void addPerson();
              }
            }}
          />
        </label>
        <button type="button" className="btn" disabled={!newName.trim()} onClick={() => void addPerson()}>
          Add to the engagement
        </button>
      </div>
      <p className="muted small">Fast voting goes round the people present, in the order of the People tab.</p>
    </DialogForm>
  );
}
