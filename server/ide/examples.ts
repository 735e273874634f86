/**
 * The example operations the IDE opens with, one tab each (docs/architecture.md, "The IDE").
 * They live in examples.graphql, the one file the README shows too, so the two cannot drift
 * apart (a unit test compares them). Each operation carries its variables as defaults, so it
 * runs as it is.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse } from 'graphql';

export const EXAMPLES_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'examples.graphql');

export interface ExampleOperation {
  /** The operation's name, such as TraceAnObligation. */
  name: string;
  /** The operation as written in examples.graphql, with the comment lines above it. */
  text: string;
}

/** Splits examples.graphql into its named operations, each with the comment that introduces it. */
export function loadExamples(file: string = EXAMPLES_FILE): ExampleOperation[] {
  const source = readFileSync(file, 'utf8');
  const document = parse(source);
  let previousEnd = 0;
  return document.definitions.map((definition) => {
    if (definition.kind !== Kind.OPERATION_DEFINITION || definition.name === undefined || definition.loc === undefined) {
      throw new Error(`${file}: every definition must be a named operation`);
    }
    const text = source.slice(previousEnd, definition.loc.end).trim();
    previousEnd = definition.loc.end;
    return { name: definition.name.value, text };
  });
}
