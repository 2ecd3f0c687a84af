/** The engine's refusal shown where the user is looking: a message under each field it names, the rest at the top. */
import { createContext, use, type ReactNode } from 'react';

export type FieldIssue = { path: string; message: string };

const Issues = createContext<readonly FieldIssue[]>([]);

export function IssuesProvider({ issues, children }: { issues: readonly FieldIssue[]; children: ReactNode }) {
  return <Issues value={issues}>{children}</Issues>;
}

/** Messages for `path` and the paths under it (`uplifts.0` shows `uplifts.0.toLevel`). */
export function FieldError({ path, id }: { path: string; id?: string }) {
  const issues = use(Issues).filter((i) => i.path === path || i.path.startsWith(`${path}.`));
  if (!issues.length) return null;
  return (
    <span className="field-error" id={id} role="alert">
      {issues.map((i) => i.message).join('; ')}
    </span>
  );
}

/** Whether any message concerns `path` (for aria-invalid). */
export function useInvalid(path: string): boolean {
  return use(Issues).some((i) => i.path === path || i.path.startsWith(`${path}.`));
}
