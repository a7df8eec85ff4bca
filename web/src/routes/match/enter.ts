/**
 * Enter in any field of the form searches. Checkboxes, radios and selects do not submit by
 * themselves, so without this a keyboard user Tabs through every checkbox to reach the button.
 */
export function enterSubmits(form: HTMLFormElement) {
  const onKey = (e: KeyboardEvent) => {
    const t = e.target as HTMLElement;
    if (e.key !== 'Enter' || e.isComposing) return;
    if (t instanceof HTMLButtonElement || t instanceof HTMLTextAreaElement || t.tagName === 'SUMMARY') return;
    if (t instanceof HTMLInputElement && (t.type === 'text' || t.type === 'number')) return;
    e.preventDefault();
    form.requestSubmit();
  };
  form.addEventListener('keydown', onKey);
  return { destroy: () => form.removeEventListener('keydown', onKey) };
}
