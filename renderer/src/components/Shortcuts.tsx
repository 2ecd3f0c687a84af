import { shortcuts } from '../../../shared/menu';
import { Dialog } from './Dialog';
import { useApp } from '../stores/app';
import { workspaceKeys } from '../workspace/keys';

const isMac = /Mac/i.test(navigator.platform);

export function keysLabel(keys: string): string {
  return keys.replace(/Mod/g, isMac ? '⌘' : 'Ctrl');
}

function KeyRows({ rows }: { rows: readonly { keys: string; label: string }[] }) {
  return (
    <>
      {rows.map((s) => (
        <tr key={s.keys}>
          <td>
            <kbd>{keysLabel(s.keys)}</kbd>
          </td>
          <td>{s.label}</td>
        </tr>
      ))}
    </>
  );
}

export function ShortcutsOverlay() {
  const open = useApp((s) => s.shortcutsOpen);
  const inWorkspace = useApp((s) => s.route.name === 'assessment');
  const setApp = useApp((s) => s.set);
  return (
    <Dialog open={open} title="Keyboard shortcuts" onClose={() => setApp({ shortcutsOpen: false })} cancelLabel="Close" wide={inWorkspace}>
      {inWorkspace && (
        <table className="table shortcuts" aria-label="Assessment workspace keys">
          <caption>Assessment workspace</caption>
          <tbody>
            <KeyRows rows={workspaceKeys} />
          </tbody>
        </table>
      )}
      <table className="table shortcuts" aria-label="Keyboard shortcuts">
        {inWorkspace && <caption>Everywhere</caption>}
        <tbody>
          <KeyRows rows={shortcuts.map((s) => ({ keys: s.keys, label: s.label }))} />
          <tr>
            <td>
              <kbd>?</kbd>
            </td>
            <td>This list</td>
          </tr>
        </tbody>
      </table>
    </Dialog>
  );
}
