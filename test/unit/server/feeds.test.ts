import { describe, expect, it } from 'vitest';
import { changesFeed, eventPagePath } from '../../../server/feeds.ts';
import type { RevisionEventModel } from '../../../loaders/revision-events.ts';

const ORIGIN = 'https://code.example';
const event = (sequence: number, revisionKey: string, kind: RevisionEventModel['event'], on: string): RevisionEventModel => ({
  sequence,
  event: kind,
  on,
  revisionKey,
  recordedAt: `2026-11-0${sequence}T10:00:00Z`,
  note: null,
});
// Newest first, as the feed lists them.
const EVENTS = [event(3, '2026-09-01', 'COMES_INTO_FORCE', '2027-09-01'), event(2, '2026-09-01', 'LAID', '2026-11-02'), event(1, '2026-09-01', 'PUBLISHED', '2026-11-01')];

const all = (atom: string, pattern: RegExp): string[] => [...atom.matchAll(pattern)].map((m) => m[1] ?? '');

describe('changesFeed', () => {
  it("links each entry to its revision's page at the event, and keeps the ids it had", () => {
    const atom = changesFeed(EVENTS, ORIGIN);
    expect(all(atom, /<entry>[\s\S]*?<id>([^<]*)<\/id>/g)).toEqual([
      'tag:care-code-graph,2026:revision-event/3',
      'tag:care-code-graph,2026:revision-event/2',
      'tag:care-code-graph,2026:revision-event/1',
    ]);
    expect(all(atom, /<entry>[\s\S]*?<link href="([^"]*)"\/>/g)).toEqual([
      'https://code.example/revisions/2026-09-01#event-3',
      'https://code.example/revisions/2026-09-01#event-2',
      'https://code.example/revisions/2026-09-01#event-1',
    ]);
  });

  it('links the feed to the home page, and to itself as rel=self', () => {
    const head = changesFeed(EVENTS, ORIGIN).split('<entry>')[0] ?? '';
    expect(all(head, /(<link [^>]*\/>)/g)).toEqual(['<link rel="alternate" href="https://code.example/"/>', '<link rel="self" href="https://code.example/feeds/changes.atom"/>']);
    expect(head).toContain('<id>tag:care-code-graph,2026:changes</id>');
  });

  it('puts a revision key into the path as one segment', () => {
    expect(eventPagePath({ revisionKey: '2024-09-01', sequence: 7 })).toBe('/revisions/2024-09-01#event-7');
    expect(eventPagePath({ revisionKey: 'a/b c', sequence: 1 })).toBe('/revisions/a%2Fb%20c#event-1');
  });
});
