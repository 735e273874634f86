/**
 * What a root field sees of the fields asked below it (loaders/selection.ts): aliases and
 * fragments merged, @skip and @include honoured, arguments read with the variables.
 */
import { describe, expect, it } from 'vitest';
import { Selection } from '../../../loaders/selection.ts';
import { selectionOf } from '../../support/selection-of.ts';

describe('the selection below a field', () => {
  it('names the fields asked, under any alias', () => {
    const selection = selectionOf('{ provision(key: "S8") { key h: heading { title } obligations { key } } }');
    expect(selection.has('heading')).toBe(true);
    expect(selection.has('h')).toBe(false);
    expect(selection.has('obligations')).toBe(true);
    expect(selection.has('cites')).toBe(false);
    expect(selection.below('obligations').has('key')).toBe(true);
    expect(selection.below('cites').has('key')).toBe(false);
  });

  it('merges fragments and inline fragments whatever their type', () => {
    const selection = selectionOf(`{ provision(key: "S8") { ...withHeading ... on Standard { themes { key } } } }
      fragment withHeading on Clause { heading { title } ...again }
      fragment again on Clause { heading { key } }`);
    expect(selection.has('heading')).toBe(true);
    expect(selection.has('themes')).toBe(true);
    expect(selection.below('heading').has('title')).toBe(true);
    expect(selection.below('heading').has('key')).toBe(true);
  });

  it('leaves out what @skip or @include leaves out, with the variables', () => {
    const selection = selectionOf('query ($yes: Boolean!) { provision(key: "S8") { heading @include(if: $yes) { title } obligations @skip(if: true) { key } cites @include(if: false) { __typename } } }', { yes: true });
    expect(selection.has('heading')).toBe(true);
    expect(selection.has('obligations')).toBe(false);
    expect(selection.has('cites')).toBe(false);
  });

  it('reads the arguments of every occurrence of a field, variables included, nulls left out', () => {
    const selection = selectionOf('query ($body: String) { obligations { nodes { a: appliesTo(body: $body) { reason } b: appliesTo(body: "commissioner") { reason } appliesTo { reason } } } }', {
      body: 'local-health-board',
    });
    const nodes = selection.below('nodes');
    expect(nodes.argumentValues('appliesTo', 'body')).toEqual(['local-health-board', 'commissioner']);
    expect(selectionOf('query ($body: String) { obligations { nodes { appliesTo(body: $body) { reason } } } }').below('nodes').argumentValues('appliesTo', 'body')).toEqual([]);
  });

  it('puts two selections together', () => {
    const selection = selectionOf('{ obligations { nodes { key } edges { node { trace { key } } } } }');
    const nodes = selection.below('nodes').with(selection.below('edges').below('node'));
    expect(nodes.has('key')).toBe(true);
    expect(nodes.has('trace')).toBe(true);
    expect(Selection.none().has('key')).toBe(false);
  });
});
