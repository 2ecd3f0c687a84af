import { shownToast, useApp } from '../stores/app';

/**
 * The app's messages, one at a time, in a place kept free for them (never over a control): a repeated message
 * counts up instead of piling up, a note goes by itself, an error stays until it is dismissed.
 */
export function Messages({ className }: { className?: string }) {
  const toast = useApp((s) => shownToast(s.toasts));
  const waiting = useApp((s) => s.toasts.filter((t) => t.kind === 'error').length - 1);
  const dismiss = useApp((s) => s.dismiss);
  return (
    <div className={`messages ${className ?? ''}`} role="status" aria-live="polite">
      {toast && (
        <div key={toast.id} className={`toast ${toast.kind}`} role={toast.kind === 'error' ? 'alert' : undefined} title={toast.text}>
          <span className="toast-text">{toast.text}</span>
          {toast.count > 1 && <span className="toast-count">×{toast.count}</span>}
          {toast.kind === 'error' && waiting > 0 && <span className="toast-more">+{waiting} more</span>}
          <button type="button" className="btn small ghost" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
