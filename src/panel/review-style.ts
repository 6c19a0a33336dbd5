/**
 * The review dialog's own layout, on top of the shared panel.css (cards,
 * badges, flashes, buttons): each stage a card with its two values side by
 * side, stacked when the dialog is narrow. Added as a <style> by the dialog's
 * script, so the shared stylesheet of the other dialogs stays as it is.
 */
export const REVIEW_CSS = `
.review fieldset.review-stage { margin: 0; min-width: 0; }
.review fieldset.review-stage > legend {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 6px;
  padding: 0 4px; font-weight: 600; font-size: 13.5px;
}
.review .review-flag { font-weight: 600; }
.review .review-values { display: grid; grid-template-columns: 1fr 1fr; gap: 10px; }
.review .review-value { display: grid; gap: 4px; align-content: start; }
.review .review-value h3 { margin: 0; font-size: 12px; font-weight: 600; color: var(--muted); }
.review .review-value dl { display: grid; grid-template-columns: auto 1fr; gap: 1px 8px; margin: 0; }
.review .review-value dt { color: var(--muted); }
.review .review-value dd { font-variant-numeric: tabular-nums; }
.review .review-value.is-outside .current { color: var(--danger); font-weight: 600; }
.review label.review-tick { display: flex; gap: 6px; align-items: flex-start; cursor: pointer; }
.review label.review-tick.is-unavailable { cursor: default; color: var(--muted); font-weight: 400; }
.review .pipeline-group { display: grid; gap: 8px; }
.review .pipeline-group > h2 { margin: 4px 0 0; font-size: 14px; }
.review .written { list-style: disc; padding-left: 18px; }
/* Apply stays in reach however far the stages scroll. */
.review .actions {
  position: sticky; bottom: 0; align-items: center;
  margin: 0 -16px -16px; padding: 10px 16px; background: var(--soft); border-top: 1px solid var(--line);
}
.review .actions .hint { margin-right: auto; }
@media (max-width: 420px) { .review .review-values { grid-template-columns: 1fr; } }
`;
