import { eventDefinition, type EventData } from '@c2c/contracts';
import { NOTIFYING_EVENT_TYPES } from '../audiences/audience-table';
import { escapeHtml, render } from './message';
import { messageOf } from './templates';

const names = { cityName: (id: string) => `City ${id.slice(0, 4)}` };

describe('templates', () => {
  it.each(NOTIFYING_EVENT_TYPES)('%s has an English subject, plain text and HTML', (type) => {
    const message = messageOf({ type, data: eventDefinition(type).example as EventData<typeof type> }, names);
    expect(message?.subject.length).toBeGreaterThan(5);
    expect(message?.text).toContain('— C2C Cooperation Platform');
    expect(message?.html).toMatch(/^<!doctype html>.*<\/html>$/s);
  });

  it('falls back to English for a language without templates, and has nothing for a quiet type', () => {
    const example = eventDefinition('c2c.city.archived.v1').example;
    const archived = { type: 'c2c.city.archived.v1' as const, data: example };
    expect(messageOf(archived, names, 'vi')?.subject).toBe(messageOf(archived, names)?.subject);
    const quiet = eventDefinition('c2c.city.profile-updated.v1').example;
    expect(messageOf({ type: 'c2c.city.profile-updated.v1', data: quiet }, names)).toBeNull();
  });

  it('never lets text from an event become markup', () => {
    const html = render({ subject: '<b>x</b>', paragraphs: ['<script>alert(1)</script> & "q"'] }).html;
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;q&quot;');
    expect(escapeHtml("it's")).toBe('it&#39;s');
  });
});
