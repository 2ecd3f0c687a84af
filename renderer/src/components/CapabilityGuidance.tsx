import type { Capability } from '../../../shared/framework/schema';

/** Guiding questions and evidence examples of a capability, side by side. */
export function CapabilityGuidance({ capability }: { capability: Capability }) {
  return (
    <div className="two-col guidance">
      <section>
        <h3>Guiding questions</h3>
        <ul className="bullets">
          {capability.questions.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </section>
      <section>
        <h3>Evidence that proves the level</h3>
        <ul className="bullets">
          {capability.evidence.map((q) => (
            <li key={q}>{q}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
