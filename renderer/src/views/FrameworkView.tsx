import { useEffect, useMemo, useState } from 'react';
import { allCapabilities } from '../../../shared/framework/schema';
import { CapabilityGuidance } from '../components/CapabilityGuidance';
import { LevelDescriptors } from '../components/LevelDescriptors';
import { useApp } from '../stores/app';
import { useFramework } from '../stores/data';

export function FrameworkView({ capabilityId }: { capabilityId?: string }) {
  const framework = useFramework((s) => s.framework);
  const load = useFramework((s) => s.load);
  const navigate = useApp((s) => s.navigate);
  const [filter, setFilter] = useState('');
  useEffect(() => void load(), [load]);

  const caps = useMemo(() => (framework ? allCapabilities(framework) : []), [framework]);
  const selected = caps.find((c) => c.id === capabilityId) ?? caps[0];
  const needle = filter.trim().toLowerCase();
  const matches = (text: string) => text.toLowerCase().includes(needle);

  if (!framework || !selected) return <section className="page" aria-busy="true"><p className="muted">Loading framework…</p></section>;
  const module = framework.modules.find((m) => m.id === selected.moduleId)!;

  return (
    <section className="framework" aria-labelledby="framework-title">
      <nav className="fw-nav" aria-label="Modules and capabilities">
        <h1 id="framework-title" className="fw-title">
          {framework.name} <span className="muted small">v{framework.version}</span>
        </h1>
        <label className="field">
          <span className="sr-only">Filter capabilities</span>
          <input type="search" placeholder="Filter capabilities…" value={filter} onChange={(e) => setFilter(e.target.value)} />
        </label>
        {framework.modules.map((m) => {
          const list = m.capabilities.filter((c) => !needle || matches(c.name) || matches(c.statement) || matches(c.id) || matches(m.name));
          if (list.length === 0) return null;
          return (
            <div key={m.id} className="fw-module">
              <h2 className="fw-module-name">
                <span className="mono">{m.id}</span> {m.name}
              </h2>
              <ul>
                {list.map((c) => (
                  <li key={c.id}>
                    <button
                      className={c.id === selected.id ? 'fw-cap active' : 'fw-cap'}
                      aria-current={c.id === selected.id ? 'true' : undefined}
                      onClick={() => navigate({ name: 'framework', capabilityId: c.id })}
                    >
                      <span className="mono">{c.id}</span> {c.name}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </nav>
      <article className="fw-detail" aria-labelledby="cap-title">
        <p className="eyebrow">
          {module.id} · {module.name}
        </p>
        <h2 id="cap-title" className="cap-title">
          <span className="mono">{selected.id}</span> {selected.name}
        </h2>
        <p className="statement">{selected.statement}</p>
        <h3>Maturity levels</h3>
        <LevelDescriptors capability={selected} scale={framework.scale} />
        <CapabilityGuidance capability={selected} />
      </article>
    </section>
  );
}
