// Copy buttons: every code block on the page (a figure.code-block, or the install line) has one.
// One listener serves the static blocks and those the sections build later. Where the clipboard
// is refused (an insecure origin, a denied permission), the code is selected instead, and the
// button says how to copy it.
import { byId } from './dom.js';

const isMac = /Mac|iPhone|iPad/.test(navigator.platform ?? '');

/** Gives each copy button a name that says what it copies ("Copy: The code for this run"). */
export function nameCopyButton(button) {
  const label = button.closest('.code-block')?.querySelector('.code-label')?.textContent
    ?? button.closest('.code-block')?.querySelector('code')?.textContent;
  if (label) button.setAttribute('aria-label', `Copy: ${label.trim()}`);
}

export function initCopy() {
  const live = byId('copy-live');
  for (const b of document.querySelectorAll('button[data-copy]')) nameCopyButton(b);
  document.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-copy]');
    if (!button) return;
    const code = button.closest('.code-block')?.querySelector('code');
    if (!code) return;
    let said;
    try {
      await navigator.clipboard.writeText(code.textContent);
      said = 'Copied';
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      said = isMac ? 'Selected: press ⌘C' : 'Selected: press Ctrl+C';
    }
    button.textContent = said;
    button.dataset.state = said === 'Copied' ? 'copied' : 'selected';
    live.textContent = said === 'Copied' ? 'Copied to the clipboard.' : `${said}.`;
    clearTimeout(button.resetTimer);
    button.resetTimer = setTimeout(() => { button.textContent = 'Copy'; delete button.dataset.state; }, 2000);
  });
}
