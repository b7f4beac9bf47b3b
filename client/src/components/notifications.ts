// Non-blocking notifications (API errors, hints): a polite live region of toasts that fade on their own.

/** Creates the notification area inside `host`; returns the notify function the views get through ctx. */
export function createNotifier(host: HTMLElement): (message: string, kind?: 'info' | 'error') => void {
  const region = document.createElement('div');
  region.className = 'toasts';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  region.dataset.testid = 'notifications';
  host.append(region);
  return (message, kind = 'info') => {
    // The same message twice in a row (a retry storm) is shown once.
    const last = region.lastElementChild as HTMLElement | null;
    if (last && last.dataset.message === message) return;
    const toast = document.createElement('div');
    toast.className = `toast ${kind}`;
    toast.dataset.message = message;
    toast.dataset.testid = `toast-${kind}`;
    toast.textContent = message;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'toast-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => toast.remove());
    toast.append(close);
    region.append(toast);
    while (region.children.length > 4) region.firstElementChild?.remove();
    setTimeout(() => toast.remove(), kind === 'error' ? 8000 : 4000);
  };
}
