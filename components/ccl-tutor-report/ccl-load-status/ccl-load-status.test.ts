// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { CclLoadStatus } from './ccl-load-status.js';
import './ccl-load-status.js';

async function mount(props: Partial<Pick<CclLoadStatus, 'loading' | 'progress' | 'announcement' | 'error'>>) {
  const el = document.createElement('ccl-load-status');
  Object.assign(el, props);
  document.body.append(el);
  await el.updateComplete;
  return el;
}

afterEach(() => document.body.replaceChildren());

describe('ccl-load-status', () => {
  it('shows progress in words with a Cancel button, and tells screen readers through a status region', async () => {
    const el = await mount({ loading: true, progress: 'Reading statements: 500 read so far (1 page).', announcement: 'Connecting to the LRS…' });
    const root = el.shadowRoot!;
    expect(root.querySelector('.progress p')!.textContent).toBe('Reading statements: 500 read so far (1 page).');
    expect(root.querySelector('progress')!.getAttribute('aria-label')).toBe('Reading statements from the LRS');
    expect(root.querySelector('[role="status"]')!.textContent).toBe('Connecting to the LRS…');
    let cancelled = 0;
    el.addEventListener('cancel-load', () => cancelled++);
    root.querySelector<HTMLButtonElement>('button.cancel')!.click();
    expect(cancelled).toBe(1);
  });

  it('puts a failure in an alert, and keeps the alert region in place when there is none', async () => {
    const el = await mount({});
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent!.trim()).toBe('');
    expect(el.shadowRoot!.querySelector('button')).toBeNull();
    el.error = 'The LRS did not accept this key (HTTP 401).';
    await el.updateComplete;
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(alert.querySelector('h2')!.textContent).toBe('The report could not be loaded');
    expect(alert.querySelector('p')!.textContent).toBe('The LRS did not accept this key (HTTP 401).');
  });
});
