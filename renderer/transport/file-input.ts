/**
 * Opens the browser's file chooser and resolves with the chosen file, or null when the user
 * cancels. Must be called during a user gesture (a click), or the browser ignores it.
 */
export function pickLocalFile(accept: string): Promise<File | null> {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = accept;
  return new Promise((resolve) => {
    input.addEventListener('change', () => resolve(input.files?.[0] ?? null), { once: true });
    input.addEventListener('cancel', () => resolve(null), { once: true });
    input.click();
  });
}
