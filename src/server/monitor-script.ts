/** The monitor page's style and script (see monitor-page.ts). */
export const MONITOR_CSS = `
form.range { display: flex; gap: 1em; align-items: center; flex-wrap: wrap; margin: 0 0 1em; }
.swatch { display: inline-block; width: .7em; height: .7em; border-radius: 2px; margin-right: .35em; }
table.incidents tr.closed { opacity: .7; }
`;

/** Acknowledges an incident in place; its button goes once the server agrees. The range selector submits on change. */
export const MONITOR_SCRIPT = `
document.addEventListener('click', async (e) => {
  const b = e.target.closest('button.ack');
  if (!b) return;
  b.disabled = true;
  const res = await fetch('/api/incidents/ack', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ids: [Number(b.dataset.id)] }) });
  if (res.ok) b.replaceWith(document.createTextNode('seen'));
  else { b.disabled = false; b.textContent = 'failed: ' + res.status; }
});
const range = document.getElementById('range');
if (range) range.addEventListener('change', () => { range.form.querySelectorAll('input[type=date]').forEach((i) => { i.value = ''; }); range.form.submit(); });
`;
