/** The options page: pairing with the app (its code and port), and whether it is paired. */
import { pair } from './app-client';
import { DEFAULT_PORT } from './protocol';
import { readSettings } from './settings';

const form = document.getElementById('pair-form') as HTMLFormElement;
const codeInput = document.getElementById('code') as HTMLInputElement;
const portInput = document.getElementById('port') as HTMLInputElement;
const state = document.getElementById('state') as HTMLElement;
const result = document.getElementById('result') as HTMLElement;

async function showState(): Promise<void> {
  const settings = await readSettings();
  portInput.value = String(settings.port);
  state.textContent = settings.token
    ? `Paired with Offprint on port ${settings.port}.`
    : 'Not paired yet: pair with the code Offprint shows.';
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const port = Number(portInput.value) || DEFAULT_PORT;
  result.textContent = 'Pairing…';
  void (async () => {
    try {
      // Firefox grants host access only on request; Chromium has it from the install.
      await chrome.permissions?.request({ origins: ['<all_urls>'] }).catch(() => true);
      await pair(port, codeInput.value);
      codeInput.value = '';
      result.textContent = 'Paired. Pages you save now go to Offprint.';
    } catch (error) {
      result.textContent = `Could not pair: ${error instanceof Error ? error.message : String(error)}`;
    }
    await showState();
  })();
});

void showState();
