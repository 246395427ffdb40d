// Copy buttons: one per code block, added here so pages without JavaScript show no dead
// buttons, and the page-as-Markdown button. Results are announced through one live region.
const announcer = document.getElementById('copy-status');
let timer: ReturnType<typeof setTimeout> | undefined;

function report(button: HTMLButtonElement, done: boolean, label: string): void {
  const idle = button.dataset['label'] ?? (button.dataset['label'] = button.textContent ?? '');
  button.textContent = done ? 'Copied' : 'Copy failed';
  if (announcer) announcer.textContent = done ? `Copied ${label} to the clipboard` : `Could not copy ${label}`;
  clearTimeout(timer);
  timer = setTimeout(() => {
    button.textContent = idle;
    if (announcer) announcer.textContent = '';
  }, 2000);
}

async function copy(button: HTMLButtonElement, label: string, text: () => Promise<string> | string): Promise<void> {
  try {
    const value = text();
    // Text that has to be fetched first goes in as a promise: Safari only lets the clipboard
    // be written during the click itself, not after an await.
    if (typeof value !== 'string' && 'ClipboardItem' in window) {
      await navigator.clipboard.write([
        new ClipboardItem({ 'text/plain': value.then((t) => new Blob([t], { type: 'text/plain' })) }),
      ]);
    } else await navigator.clipboard.writeText(await value);
    report(button, true, label);
  } catch {
    report(button, false, label);
  }
}

for (const pre of document.querySelectorAll<HTMLPreElement>('main pre')) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'copy-code';
  button.textContent = 'Copy';
  button.setAttribute('aria-label', 'Copy code');
  button.addEventListener('click', () =>
    copy(button, 'the code', () => pre.querySelector('code')?.textContent ?? pre.textContent ?? ''),
  );
  const block = document.createElement('div');
  block.className = 'code-block';
  pre.replaceWith(block);
  block.append(pre, button);
}

const page = document.querySelector<HTMLButtonElement>('[data-copy-page]');
if (page) {
  page.hidden = false;
  page.addEventListener('click', () =>
    copy(page, 'the page as Markdown', async () => {
      const response = await fetch(page.dataset['copyPage'] ?? '');
      if (!response.ok) throw new Error(String(response.status));
      return response.text();
    }),
  );
}

// A module, so its names stay out of the global scope.
export {};
