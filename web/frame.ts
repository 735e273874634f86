/**
 * What every page shows around its content: the day it reads the Code as at (from `asOf`,
 * default today in Wales), and the banner when no revision was in force that day or a later
 * revision exists. Pure: from the revisions the API lists (PageFrame) and the day.
 */
import type { Strings } from './strings/en.ts';
import { format, longDay } from './render.ts';

export interface FrameRevision {
  key: string;
  title: string;
  status: string;
  published: boolean;
  laidOn: string | null;
  inForceFrom: string | null;
  inForceUntil: string | null;
}

export interface Banner {
  /** The banner's text, then an optional link (kept on this page, as at another day). */
  text: string;
  link: { text: string; asOf: string } | null;
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The `asOf` of a query string: a real day (YYYY-MM-DD), or null for today; anything else is refused with the strings' message. */
export function parseAsOf(value: unknown, strings: Strings): { asOf: string | null } | { problem: string } {
  if (value === undefined || value === '') return { asOf: null };
  const text = typeof value === 'string' ? value.trim() : '';
  const date = new Date(`${text}T00:00:00Z`);
  if (!ISO_DAY.test(text) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) {
    return { problem: format(strings.asAt.invalidDay, { value: text.slice(0, 40) }) };
  }
  return { asOf: text };
}

const inForceOn = (revision: FrameRevision, day: string): boolean =>
  revision.inForceFrom !== null && revision.inForceFrom <= day && (revision.inForceUntil === null || day < revision.inForceUntil) && revision.status !== 'WITHDRAWN';

/** The banner for reading the Code as at `day`, or null when the revision in force that day is the latest. */
export function asAtBanner(revisions: readonly FrameRevision[], day: string, strings: Strings): Banner | null {
  const published = revisions.filter((revision) => revision.published && revision.status !== 'WITHDRAWN');
  const current = published.find((revision) => inForceOn(revision, day)) ?? null;
  if (current === null) {
    const first = published
      .map((revision) => revision.inForceFrom)
      .filter((from): from is string => from !== null)
      .sort()[0];
    const text = [format(strings.asAt.noRevision, { day: longDay(day) }), first === undefined ? '' : format(strings.asAt.firstInForce, { day: longDay(first) })].join(' ').trim();
    return { text, link: first === undefined || first <= day ? null : { text: format(strings.asAt.seeFirst, { day: longDay(first) }), asOf: first } };
  }
  const later = published
    .filter((revision) => revision.key !== current.key && (revision.inForceFrom === null ? revision.status === 'LAID' : revision.inForceFrom > day))
    .sort((a, b) => (a.inForceFrom ?? '9999').localeCompare(b.inForceFrom ?? '9999'))[0];
  if (later === undefined) return null;
  const when = later.inForceFrom === null ? format(strings.asAt.laterLaid, { day: longDay(later.laidOn ?? day) }) : format(strings.asAt.laterInForce, { day: longDay(later.inForceFrom) });
  return {
    text: format(strings.asAt.laterExists, { title: later.title, when }),
    link: later.inForceFrom === null ? null : { text: format(strings.asAt.seeLater, { day: longDay(later.inForceFrom) }), asOf: later.inForceFrom },
  };
}
