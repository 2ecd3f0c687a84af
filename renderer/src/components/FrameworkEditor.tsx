/**
 * Editing a custom framework, one capability at a time: names, the statement, each level's descriptor and
 * pass criteria, and whether it is in the first-pass subset. Nothing is saved until the consultant saves;
 * the engine checks the whole framework and each problem is shown with where it is.
 */
import { ApiError } from '../../../shared/errors';
import { criteriaLevelKeys, levelKeys, type Capability, type Framework, type LevelKey } from '../../../shared/framework/schema';

export interface FieldError {
  path: string;
  message: string;
}

/** The field errors an engine error carries (a framework save names each by its path). */
export function pathsOf(err: unknown): FieldError[] {
  if (!(err instanceof ApiError)) return [];
  const fields = (err.details as { fields?: FieldError[] } | undefined)?.fields;
  return Array.isArray(fields) ? fields : [];
}

/** `modules[3].capabilities[2]...` names capability M4.3 of this framework. */
function capabilityOfPath(fw: Framework, path: string): string | null {
  const m = /^modules\[(\d+)\]\.capabilities\[(\d+)\]/.exec(path);
  return m ? (fw.modules[Number(m[1])]?.capabilities[Number(m[2])]?.id ?? null) : null;
}

/** The problems found at a path (or inside it), next to the field they concern. */
function FieldErrors({ errors, path }: { errors: readonly FieldError[]; path: string }) {
  const list = errors.filter((e) => e.path === path || e.path.startsWith(`${path}[`) || e.path.startsWith(`${path}.`)).map((e) => e.message);
  return list.length ? (
    <span className="field-error" role="alert">
      {list.join('; ')}
    </span>
  ) : null;
}

interface EditorProps {
  framework: Framework;
  capabilityId: string;
  locked: boolean;
  errors: FieldError[];
  onChange(fw: Framework): void;
  onCapability(id: string): void;
}

export function FrameworkEditor({ framework, capabilityId, locked, errors, onChange, onCapability }: EditorProps) {
  const mi = framework.modules.findIndex((m) => m.capabilities.some((c) => c.id === capabilityId));
  const module = framework.modules[mi]!;
  const ci = module.capabilities.findIndex((c) => c.id === capabilityId);
  const capability = module.capabilities[ci]!;
  const base = `modules[${mi}].capabilities[${ci}]`;

  const edit = (change: (fw: Framework) => void) => {
    const next = structuredClone(framework);
    change(next);
    onChange(next);
  };
  const editCapability = (change: (c: Capability) => void) => edit((fw) => change(fw.modules[mi]!.capabilities[ci]!));
  const hasCriteria = !!capability.levels['2'].criteria;

  return (
    <div className="fw-editor">
      {errors.length > 0 && (
        <div className="form-error" role="alert">
          <p className="strong">The framework was not saved: {errors.length} problem{errors.length > 1 ? 's' : ''}.</p>
          <ul>
            {errors.slice(0, 20).map((e) => {
              const at = capabilityOfPath(framework, e.path);
              return (
                <li key={`${e.path}:${e.message}`}>
                  <span className="mono small">{e.path}</span>: {e.message}{' '}
                  {at && at !== capabilityId && (
                    <button type="button" className="link" onClick={() => onCapability(at)}>
                      Go to {at}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        </div>
      )}
      <div className="two-col">
        <label className="field">
          <span className="field-label">Framework name</span>
          <input value={framework.name} onChange={(e) => edit((fw) => void (fw.name = e.target.value))} />
          <FieldErrors errors={errors} path="name" />
        </label>
        <label className="field">
          <span className="field-label">Version</span>
          <input value={framework.version} onChange={(e) => edit((fw) => void (fw.version = e.target.value.trim()))} aria-describedby="fw-version-hint" />
          <span id="fw-version-hint" className="small muted">
            {locked ? 'This version is in use: save under a new version number, such as 1.1.0.' : 'Such as 1.0.0; raise it when assessments should see the change as a new edition.'}
          </span>
          <FieldErrors errors={errors} path="version" />
        </label>
      </div>
      <label className="field">
        <span className="field-label">Module {module.id} name</span>
        <input value={module.name} onChange={(e) => edit((fw) => void (fw.modules[mi]!.name = e.target.value))} />
        <FieldErrors errors={errors} path={`modules[${mi}].name`} />
      </label>
      <h2 id="cap-title" className="cap-title">
        <span className="mono">{capability.id}</span> {capability.name}
      </h2>
      <div className="two-col">
        <label className="field">
          <span className="field-label">Capability name</span>
          <input value={capability.name} onChange={(e) => editCapability((c) => void (c.name = e.target.value))} />
          <FieldErrors errors={errors} path={`${base}.name`} />
        </label>
        <label className="check">
          <input type="checkbox" checked={!!capability.firstPass} onChange={(e) => editCapability((c) => void (c.firstPass = e.target.checked))} /> In the first-pass subset
        </label>
      </div>
      <label className="field">
        <span className="field-label">Statement</span>
        <textarea rows={2} dir="auto" value={capability.statement} onChange={(e) => editCapability((c) => void (c.statement = e.target.value))} />
        <FieldErrors errors={errors} path={`${base}.statement`} />
      </label>
      {levelKeys.map((k: LevelKey) => {
        const level = capability.levels[k];
        const path = `${base}.levels[${k}]`;
        return (
          <fieldset key={k} className={`level-edit level-${k}`}>
            <legend>
              Level {k} {framework.scale[Number(k) - 1]?.name}
            </legend>
            <label className="field">
              <span className="field-label">Descriptor</span>
              <textarea rows={2} dir="auto" value={level.descriptor} onChange={(e) => editCapability((c) => void (c.levels[k].descriptor = e.target.value))} />
              <FieldErrors errors={errors} path={`${path}.descriptor`} />
            </label>
            {hasCriteria && (criteriaLevelKeys as readonly string[]).includes(k) && (
              <div className="criteria-edit">
                <span className="field-label">Pass criteria (2 to 4, each a yes/no check against an artefact)</span>
                {(level.criteria ?? []).map((x, i) => (
                  <div key={i} className="criterion-row">
                    <span className="mono small">{x.id}</span>
                    <input
                      aria-label={`Level ${k} criterion ${x.id}`}
                      dir="auto"
                      value={x.text}
                      onChange={(e) => editCapability((c) => void (c.levels[k].criteria![i]!.text = e.target.value))}
                    />
                    <button type="button" className="btn small ghost" aria-label={`Remove criterion ${x.id}`} onClick={() => editCapability((c) => void c.levels[k].criteria!.splice(i, 1))}>
                      ×
                    </button>
                  </div>
                ))}
                <button
                  type="button"
                  className="btn small"
                  onClick={() =>
                    editCapability((c) => {
                      const list = (c.levels[k].criteria ??= []);
                      const used = new Set(capability.levels[k].criteria?.map((x) => x.id));
                      const letter = 'abcdefghij'.split('').find((l) => !used.has(`${k}${l}`)) ?? 'z';
                      list.push({ id: `${k}${letter}`, text: '' });
                    })
                  }
                >
                  Add criterion
                </button>
                <FieldErrors errors={errors} path={`${path}.criteria`} />
              </div>
            )}
          </fieldset>
        );
      })}
    </div>
  );
}
