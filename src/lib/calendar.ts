/**
 * iCalendar (RFC 5545) files of deadlines: one all-day event per dated deadline, with a reminder
 * some days before, written by the `ics` package. Pure: the caller gives the events and the stamp,
 * so that the same content gives the same bytes on every build (UIDs included).
 */
import { createEvents, type EventAttributes } from 'ics';

/** Days before a deadline at which calendars remind. */
export const REMINDER_DAYS = 7;
/** Identifies the producer in PRODID. */
export const CALENDAR_PRODUCT = 'plan-accountability-site';

export interface DeadlineEvent {
  /** Stable across builds: made from the plan, task, date (and unit), never random. */
  uid: string;
  /** YYYY-MM-DD: the event is that whole day. */
  date: string;
  summary: string;
  description: string;
  /** The task's page, absolute; omitted when the site's address is not known. */
  url?: string;
  /** What the reminder says. */
  reminder: string;
}

/** A UID from its parts: `2022-work-safety.task-12.2022-11-20@plan-accountability-site`. */
export function eventUid(...parts: string[]): string {
  return `${parts.map((p) => p.replace(/[^A-Za-z0-9._-]+/g, '_')).join('.')}@${CALENDAR_PRODUCT}`;
}

function dateArray(iso: string): [number, number, number] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return [y, m, d];
}

function nextDay(iso: string): [number, number, number] {
  const date = new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000);
  return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
}

const encoder = new TextEncoder();

/**
 * Lines folded at 75 octets, as RFC 5545 §3.1 asks (the `ics` package folds at 75 characters,
 * which for Chinese text is up to 225 octets), never inside a character.
 */
export function foldOctets(text: string): string {
  const unfolded = text.replace(/\r\n[ \t]/g, '');
  return unfolded
    .split('\r\n')
    .map((line) => {
      const parts: string[] = [];
      let current = '';
      let octets = 0;
      let limit = 75;
      for (const char of line) {
        const size = encoder.encode(char).length;
        if (octets + size > limit) {
          parts.push(current);
          current = '';
          octets = 0;
          // A continuation line starts with one space, which counts.
          limit = 74;
        }
        current += char;
        octets += size;
      }
      parts.push(current);
      return parts.join('\r\n ');
    })
    .join('\r\n');
}

/**
 * The calendar text: VCALENDAR with one VEVENT per deadline, DTSTART and DTEND as dates (the
 * deadline day), and a VALARM `REMINDER_DAYS` days before. `stamp` (YYYY-MM-DD) is every event's
 * DTSTAMP: the plan's "as of" date, so that a rebuild of the same content changes nothing.
 */
export function calendarText(name: string, events: DeadlineEvent[], stamp: string): string {
  const timestamp = Date.parse(`${stamp}T00:00:00Z`);
  const attributes = events
    .toSorted((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid))
    .map(
      (e): EventAttributes =>
        ({
          uid: e.uid,
          start: dateArray(e.date),
          end: nextDay(e.date),
          title: e.summary,
          description: e.description,
          ...(e.url ? { url: e.url } : {}),
          transp: 'TRANSPARENT',
          alarms: [{ action: 'display', description: e.reminder, trigger: { days: REMINDER_DAYS, before: true } }],
          // Not in the package's types, but in its schema: DTSTAMP, otherwise the build's clock.
          timestamp,
        }) as EventAttributes,
    );
  const header = { productId: `-//${CALENDAR_PRODUCT}//deadlines//ZH`, calName: name };
  if (attributes.length === 0) {
    // `ics` refuses an empty list; a calendar with no events is still a calendar one can subscribe to.
    return foldOctets(
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
        `PRODID:${header.productId}`,
        'METHOD:PUBLISH',
        `X-WR-CALNAME:${name}`,
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
  }
  const { error, value } = createEvents(attributes, header);
  if (error || !value) throw new Error(`Unexpected calendar that cannot be written: ${error?.message ?? 'no output'}`);
  // `ics` writes a duration of whole days as `-P7DT`, which RFC 5545 §3.3.6 does not allow (a `T`
  // must be followed by hours, minutes or seconds): drop the empty time part.
  return foldOctets(value.replace(/^(TRIGGER:-?P[0-9WD]+)T(\r?)$/gm, '$1$2'));
}
