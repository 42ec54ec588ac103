/** The filters, in the order keys 1–5 toggle them; each is a `CaseFlag` of transcript-data.ts. */
const FILTERS: Array<[string, string]> = [
  ['broke', 'broke'],
  ['leaked', 'leaked'],
  ['over-refused', 'over-refused (benign)'],
  ['uncertain', 'uncertain verdict'],
  ['not-understood', 'not understood'],
];

/** The transcript browser's frame; browser-script.ts fills the intent list and the intent view. */
export const TRANSCRIPTS_HTML = `<section id="transcripts"><h2>Transcript browser</h2>
<p class="note">Pick an intent; its cases are grouped by rephrasing family (or by verdict) in pages of cards. Click a case to read it, or pick two to read them side by side. Model output is shown as text.</p>
<div id="browser"><div class="side">
<input type="search" id="intent-filter" placeholder="filter intents  ( / )" aria-label="filter intents">
<fieldset id="case-filters"><legend>only cases that</legend>${FILTERS.map(
  ([flag, label], i) => `<label><input type="checkbox" data-flag="${flag}" id="only-${flag}"> ${label} <kbd>${i + 1}</kbd></label>`,
).join('')}</fieldset>
<label class="group-by">group by <select id="group-by" aria-label="group cases by"><option value="family">family</option><option value="verdict">verdict</option></select> <kbd>g</kbd></label>
<div id="intent-list" aria-label="intents"></div></div>
<div id="intent-view"></div></div>
<p class="note keys">Keys: <kbd>j</kbd>/<kbd>k</kbd> next/previous intent · <kbd>←</kbd>/<kbd>→</kbd> previous/next case · <kbd>Enter</kbd> read it · <kbd>p</kbd> pick it (two side by side) · <kbd>[</kbd>/<kbd>]</kbd> page · <kbd>1</kbd>–<kbd>5</kbd> filters · <kbd>g</kbd> grouping · <kbd>/</kbd> search · <kbd>Esc</kbd> close</p>
</section>`;
