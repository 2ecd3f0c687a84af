import { useEffect, useState } from 'react';
import type { BusinessUnit, Engagement, Participant, ParticipantUsage, RemovedBusinessUnit } from '../../../shared/domain';
import { invoke } from '../api';
import { Dialog, Field } from '../components/Dialog';
import { formError, noError, personMessage, type PersonError } from '../errors';
import { formatCount, formatDate } from '../format';
import { useApp } from '../stores/app';
import { useEngagement } from '../stores/data';
import { initials } from '../workspace/model';

const norm = (s: string) => s.trim().replace(/\s+/g, ' ').toLowerCase();

/** Someone else of the engagement with the same name, or failing that the same initials (as the projector shows them). */
function twinOf(name: string, people: readonly Participant[], exceptId?: string): { person: Participant; same: 'name' | 'initials' } | null {
  if (!name.trim()) return null;
  const others = people.filter((p) => p.id !== exceptId);
  const byName = others.find((p) => norm(p.name) === norm(name));
  if (byName) return { person: byName, same: 'name' };
  const byInitials = others.find((p) => !p.leftAt && initials(p.name) === initials(name));
  return byInitials ? { person: byInitials, same: 'initials' } : null;
}

function TwinNote({ twin, units }: { twin: ReturnType<typeof twinOf>; units: ReadonlyMap<string, string> }) {
  if (!twin) return null;
  const p = twin.person;
  const facts = [p.role, p.businessUnitId ? units.get(p.businessUnitId) : null, p.leftAt ? 'former participant' : null].filter(Boolean).join(', ');
  return (
    <span className="warn-note" role="status">
      {twin.same === 'name' ? (
        <>
          There is already a <bdi>{p.name}</bdi>
          {facts && ` (${facts})`}. Add a second person with this name only if it is someone else: the projector shows both as {initials(p.name)}.
        </>
      ) : (
        <>
          <bdi>{p.name}</bdi> has the same initials, {initials(p.name)}: on the projector their votes will look alike.
        </>
      )}
    </span>
  );
}

/** "41 votes in 2 assessments (2026 Q3: 20, 2026 Q4: 21)". */
function usageSentence(name: string, u: ParticipantUsage): string {
  if (u.votes === 0) return `${name} has not voted yet.`;
  const where = u.assessments.map((a) => `${a.label}: ${formatCount(a.votes)}`).join(', ');
  const n = u.assessments.length;
  return `${name} has ${formatCount(u.votes)} vote${u.votes === 1 ? '' : 's'} in ${n} assessment${n === 1 ? '' : 's'} (${where}); they are kept and still count.`;
}

type Confirm = { kind: 'participant'; person: Participant; usage: ParticipantUsage | null } | { kind: 'unit'; unit: BusinessUnit } | null;
type Done = { kind: 'participant'; id: string; name: string } | { kind: 'unit'; id: string; name: string } | null;

export function PeopleTab({ engagement }: { engagement: Engagement }) {
  const notify = useApp((s) => s.notify);
  const addBusinessUnit = useEngagement((s) => s.addBusinessUnit);
  const removeBusinessUnit = useEngagement((s) => s.removeBusinessUnit);
  const restoreBusinessUnit = useEngagement((s) => s.restoreBusinessUnit);
  const addParticipant = useEngagement((s) => s.addParticipant);
  const updateParticipant = useEngagement((s) => s.updateParticipant);
  const removeParticipant = useEngagement((s) => s.removeParticipant);
  const restoreParticipant = useEngagement((s) => s.restoreParticipant);
  const [unitName, setUnitName] = useState('');
  const [unitError, setUnitError] = useState<string | null>(null);
  const [person, setPerson] = useState({ name: '', role: '', businessUnitId: '' });
  const [personError, setPersonError] = useState<PersonError>(noError);
  const [editing, setEditing] = useState<{ id: string; name: string; role: string; businessUnitId: string } | null>(null);
  const [editError, setEditError] = useState<PersonError>(noError);
  const [confirm, setConfirm] = useState<Confirm>(null);
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [done, setDone] = useState<Done>(null);
  const [removedUnits, setRemovedUnits] = useState<RemovedBusinessUnit[]>([]);
  const units = new Map(engagement.businessUnits.map((u) => [u.id, u.name]));
  const current = engagement.participants.filter((p) => !p.leftAt);
  const former = engagement.participants.filter((p) => p.leftAt);
  const newTwin = twinOf(person.name, engagement.participants);

  useEffect(() => {
    let live = true;
    invoke('businessUnit.removed', { engagementId: engagement.id })
      .then((list) => live && setRemovedUnits(list))
      .catch(() => live && setRemovedUnits([]));
    return () => {
      live = false;
    };
  }, [engagement]);

  const addUnit = async () => {
    try {
      await addBusinessUnit(unitName);
      notify('info', `Business unit ${unitName.trim()} added`);
      setUnitName('');
      setUnitError(null);
    } catch (err) {
      setUnitError(formError(err, ['name']).fields.name ?? personMessage(err));
    }
  };
  const addPerson = async () => {
    try {
      await addParticipant({ name: person.name, role: person.role, businessUnitId: person.businessUnitId || null });
      notify('info', `${person.name.trim()} added`);
      setPerson({ name: '', role: '', businessUnitId: person.businessUnitId });
      setPersonError(noError);
    } catch (err) {
      setPersonError(formError(err, ['name', 'role']));
    }
  };
  const saveEdit = async () => {
    if (!editing) return;
    try {
      await updateParticipant(editing.id, { name: editing.name, role: editing.role, businessUnitId: editing.businessUnitId || null });
      setEditing(null);
      setEditError(noError);
    } catch (err) {
      setEditError(formError(err, ['name', 'role', 'businessUnitId']));
    }
  };
  const askRemovePerson = (p: Participant) => {
    setConfirmError(null);
    setConfirm({ kind: 'participant', person: p, usage: null });
    invoke('participant.usage', { engagementId: engagement.id, participantId: p.id })
      .then((usage) => setConfirm((c) => (c?.kind === 'participant' && c.person.id === p.id ? { ...c, usage } : c)))
      .catch((err: unknown) => setConfirmError(personMessage(err)));
  };
  const confirmRemoval = async () => {
    if (!confirm) return;
    try {
      if (confirm.kind === 'participant') {
        await removeParticipant(confirm.person.id);
        setDone({ kind: 'participant', id: confirm.person.id, name: confirm.person.name });
      } else {
        await removeBusinessUnit(confirm.unit.id);
        setDone({ kind: 'unit', id: confirm.unit.id, name: confirm.unit.name });
      }
      setConfirm(null);
    } catch (err) {
      setConfirmError(personMessage(err));
    }
  };
  const undo = async (what: NonNullable<Done>) => {
    try {
      if (what.kind === 'participant') await restoreParticipant(what.id);
      else await restoreBusinessUnit(what.id);
      notify('info', `${what.name} restored`);
      setDone(null);
    } catch (err) {
      notify('error', personMessage(err));
    }
  };
  const unitMembers = confirm?.kind === 'unit' ? engagement.participants.filter((p) => p.businessUnitId === confirm.unit.id) : [];

  return (
    <>
      {done && (
        <div className="undo-bar" role="status">
          <span>
            {done.kind === 'participant' ? (
              <>
                <bdi>{done.name}</bdi> is now a former participant: their votes are kept.
              </>
            ) : (
              <>
                Business unit <bdi>{done.name}</bdi> removed.
              </>
            )}
          </span>
          <button type="button" className="btn small" onClick={() => void undo(done)}>
            Undo
          </button>
          <button type="button" className="btn small ghost" aria-label="Dismiss" onClick={() => setDone(null)}>
            ×
          </button>
        </div>
      )}
      <div className="two-col">
      <section aria-labelledby="bu-title">
        <h2 id="bu-title">Business units</h2>
        <form
          className="inline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void addUnit();
          }}
        >
          <label className={unitError ? 'field grow invalid' : 'field grow'}>
            <span className="field-label">Business unit name</span>
            <input dir="auto" value={unitName} onChange={(e) => setUnitName(e.target.value)} placeholder="e.g. Finance" />
            {unitError && (
              <span className="field-error" role="alert">
                {unitError}
              </span>
            )}
          </label>
          <button className="btn" type="submit">Add unit</button>
        </form>
        <ul className="list" aria-label="Business units">
          {engagement.businessUnits.map((u) => (
            <li key={u.id}>
              <bdi>{u.name}</bdi>
              <button
                className="btn small ghost danger-text"
                aria-label={`Remove ${u.name}`}
                onClick={() => {
                  setConfirmError(null);
                  setConfirm({ kind: 'unit', unit: u });
                }}
              >
                Remove
              </button>
            </li>
          ))}
          {engagement.businessUnits.length === 0 && <li className="muted">No business units yet.</li>}
        </ul>
        {removedUnits.length > 0 && (
          <details className="removed">
            <summary>Removed units ({removedUnits.length})</summary>
            <ul className="list" aria-label="Removed business units">
              {removedUnits.map((u) => (
                <li key={u.id}>
                  <span>
                    <bdi>{u.name}</bdi>{' '}
                    <span className="muted small">
                      removed {formatDate(u.removedAt.slice(0, 10))}
                      {u.members.length > 0 && <> · had {u.members.map((m) => m.name).join(', ')}</>}
                    </span>
                  </span>
                  <button className="btn small" aria-label={`Restore ${u.name}`} onClick={() => void undo({ kind: 'unit', id: u.id, name: u.name })}>
                    Restore
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
      </section>
      <section aria-labelledby="people-title">
        <h2 id="people-title">Participants</h2>
        <form
          className="inline-form wrap"
          onSubmit={(e) => {
            e.preventDefault();
            void addPerson();
          }}
        >
          <label className={personError.fields.name ? 'field grow invalid' : 'field grow'}>
            <span className="field-label">Name</span>
            <input dir="auto" value={person.name} onChange={(e) => setPerson({ ...person, name: e.target.value })} />
            {personError.fields.name && (
              <span className="field-error" role="alert">
                {personError.fields.name}
              </span>
            )}
          </label>
          <label className={personError.fields.role ? 'field grow invalid' : 'field grow'}>
            <span className="field-label">Role</span>
            <input dir="auto" value={person.role} placeholder="e.g. Head of Data" onChange={(e) => setPerson({ ...person, role: e.target.value })} />
            {personError.fields.role && (
              <span className="field-error" role="alert">
                {personError.fields.role}
              </span>
            )}
          </label>
          <label className="field">
            <span className="field-label">Business unit</span>
            <select value={person.businessUnitId} onChange={(e) => setPerson({ ...person, businessUnitId: e.target.value })}>
              <option value="">None</option>
              {engagement.businessUnits.map((u) => (
                <option key={u.id} value={u.id}>{u.name}</option>
              ))}
            </select>
          </label>
          <button className="btn" type="submit">{newTwin?.same === 'name' ? 'Add anyway' : 'Add participant'}</button>
        </form>
        <TwinNote twin={newTwin} units={units} />
        {personError.message && (
          <p className="form-error" role="alert">
            {personError.message}
          </p>
        )}
        <table className="table" aria-label="Participants">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Business unit</th>
              <th scope="col"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {current.map((p) => (
              <tr key={p.id}>
                <td className="strong" dir="auto">{p.name}</td>
                <td dir="auto">{p.role}</td>
                <td>{p.businessUnitId ? <bdi>{units.get(p.businessUnitId)}</bdi> : <span className="muted">—</span>}</td>
                <td className="row-actions">
                  <button
                    className="btn small ghost"
                    aria-label={`Edit ${p.name}`}
                    onClick={() => {
                      setEditError(noError);
                      setEditing({ id: p.id, name: p.name, role: p.role, businessUnitId: p.businessUnitId ?? '' });
                    }}
                  >
                    Edit
                  </button>
                  <button className="btn small ghost danger-text" aria-label={`Remove ${p.name}`} onClick={() => askRemovePerson(p)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
            {current.length === 0 && (
              <tr>
                <td colSpan={4} className="muted">No participants yet: add the people who will score in the workshop.</td>
              </tr>
            )}
          </tbody>
        </table>
        {former.length > 0 && (
          <table className="table former" aria-label="Former participants">
            <caption>Former participants: their votes are kept; they are left out of new vote rounds.</caption>
            <tbody>
              {former.map((p) => (
                <tr key={p.id}>
                  <td dir="auto">
                    {p.name} <span className="tag">Former</span>
                  </td>
                  <td dir="auto">{p.role}</td>
                  <td className="muted small">left {formatDate(p.leftAt!.slice(0, 10))}</td>
                  <td className="row-actions">
                    <button className="btn small" aria-label={`Restore ${p.name}`} onClick={() => void undo({ kind: 'participant', id: p.id, name: p.name })}>
                      Restore
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      </div>
      <Dialog
        open={confirm !== null}
        title={confirm?.kind === 'participant' ? `Remove ${confirm.person.name}?` : confirm?.kind === 'unit' ? `Remove business unit ${confirm.unit.name}?` : 'Remove?'}
        onClose={() => setConfirm(null)}
        onSubmit={confirmRemoval}
        danger
        submitLabel="Remove"
        busy={confirm?.kind === 'participant' && !confirm.usage}
        error={confirmError}
      >
        {confirm?.kind === 'participant' && (
          <>
            <p>{confirm.usage ? usageSentence(confirm.person.name, confirm.usage) : 'Counting their votes…'}</p>
            <p className="muted">
              They will be listed as a former participant and left out of new vote rounds. The history keeps who they were. Undo or Restore brings them back.
            </p>
          </>
        )}
        {confirm?.kind === 'unit' && (
          <>
            <p>
              {unitMembers.length === 0
                ? 'Nobody is in this unit.'
                : `${unitMembers.map((p) => p.name).join(', ')} ${unitMembers.length === 1 ? 'is' : 'are'} in this unit and will have none.`}
            </p>
            <p className="muted">Undo or Restore brings the unit back and puts its people back in it.</p>
          </>
        )}
      </Dialog>
      <Dialog
        open={editing !== null}
        title="Edit participant"
        onClose={() => {
          setEditing(null);
          setEditError(noError);
        }}
        onSubmit={saveEdit}
        error={editError.message}
      >
        {editing && (
          <div className="form-grid">
            <Field label="Name" error={editError.fields.name} hint={<TwinNote twin={twinOf(editing.name, engagement.participants, editing.id)} units={units} />}>
              <input autoFocus dir="auto" value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
            </Field>
            <Field label="Role" error={editError.fields.role}>
              <input dir="auto" value={editing.role} onChange={(e) => setEditing({ ...editing, role: e.target.value })} />
            </Field>
            <Field label="Business unit" error={editError.fields.businessUnitId}>
              <select value={editing.businessUnitId} onChange={(e) => setEditing({ ...editing, businessUnitId: e.target.value })}>
                <option value="">None</option>
                {engagement.businessUnits.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </Field>
          </div>
        )}
      </Dialog>
    </>
  );
}
