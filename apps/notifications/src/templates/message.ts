/** A notification as people read it: the same words in the inbox, in plain-text and in HTML e-mail. */
export interface Message {
  subject: string;
  text: string;
  html: string;
}

/** What a template writes: a subject and paragraphs; `render` makes the text and HTML of them. */
export interface Draft {
  subject: string;
  paragraphs: string[];
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};
/** Everything in a template that came from an event is text: it never becomes markup. */
export const escapeHtml = (value: string): string => value.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

export function render(draft: Draft): Message {
  const text = `${draft.paragraphs.join('\n\n')}\n\n— C2C Cooperation Platform, Asian Mayors Forum\n`;
  const html =
    `<!doctype html><html><body style="font-family:sans-serif">` +
    `<h1 style="font-size:1.2em">${escapeHtml(draft.subject)}</h1>` +
    draft.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') +
    `<p style="color:#666">— C2C Cooperation Platform, Asian Mayors Forum</p></body></html>`;
  return { subject: draft.subject, text, html };
}
