/**
 * H5 on a weak signal: index.html paints a bare report text field on
 * `#/pages/report/index` before any script has loaded, so a resident can
 * start typing at once. When the real report page mounts it takes the typed
 * text (and the focus) over and removes the shell; any other route removes
 * it unused. The weapp has no shell.
 */
const SHELL_ID = 'zz-shell';

function shell(): HTMLElement | null {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return null;
  return document.getElementById(SHELL_ID);
}

export interface ShellHandover {
  text: string;
  focused: boolean;
}

/** What was typed into the shell (once), removing it. */
export function takeShell(): ShellHandover {
  const el = shell();
  if (!el) return { text: '', focused: false };
  const area = el.querySelector('textarea');
  const out = { text: area ? area.value : '', focused: !!area && document.activeElement === area };
  el.remove();
  return out;
}

/** Drops the shell as soon as the app shows any page other than the report page. */
export function dropShellOffReportRoute(): void {
  const el = shell();
  if (!el) return;
  const check = () => {
    if (!/^#\/pages\/report\/index/.test(location.hash)) {
      shell()?.remove();
      window.removeEventListener('hashchange', check);
    }
  };
  window.addEventListener('hashchange', check);
  check();
}
