import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { decodeProperty, encodeProperty, TypedValueError, type TypedProperty } from '../../../db/typed-values.ts';

const p = (type: string, value: unknown, raw?: unknown): TypedProperty => ({ key: 'x', type, value, ...(raw === undefined ? {} : { raw }) });

describe('typed property values (db/typed-values.ts)', () => {
  it('writes each Neo4j type as JSON that keeps it', () => {
    expect(encodeProperty(p('STRING NOT NULL', 'must'), 'x')).toBe('must');
    expect(encodeProperty(p('BOOLEAN NOT NULL', false), 'x')).toBe(false);
    expect(encodeProperty(p('FLOAT NOT NULL', 1), 'x')).toBe(1);
    expect(encodeProperty(p('FLOAT NOT NULL', Number.NaN), 'x')).toEqual({ $float: 'NaN' });
    expect(encodeProperty(p('FLOAT NOT NULL', -0), 'x')).toEqual({ $float: '-0' });
    expect(encodeProperty(p('INTEGER NOT NULL', '9007199254740993'), 'x')).toEqual({ $int: '9007199254740993' });
    expect(encodeProperty(p('DATE NOT NULL', new neo4j.types.Date(2024, 9, 1)), 'x')).toEqual({ $date: '2024-09-01' });
    expect(encodeProperty(p('DATE NOT NULL', new neo4j.types.Date(-44, 3, 15)), 'x')).toEqual({ $date: '-0044-03-15' });
    expect(encodeProperty(p('ZONED DATETIME NOT NULL', new neo4j.types.DateTime(2024, 9, 1, 10, 0, 0, 5, 3600, 'Europe/London')), 'x')).toEqual({
      $datetime: [2024, 9, 1, 10, 0, 0, 5, 3600, 'Europe/London'],
    });
    expect(encodeProperty(p('ZONED DATETIME NOT NULL', new neo4j.types.DateTime(2024, 9, 1, 10, 0, 0, 0, 7200)), 'x')).toEqual({ $datetime: [2024, 9, 1, 10, 0, 0, 0, 7200, null] });
    expect(encodeProperty(p('LOCAL DATETIME NOT NULL', new neo4j.types.LocalDateTime(2024, 1, 1, 0, 0, 1, 500000000)), 'x')).toEqual({ $localdatetime: [2024, 1, 1, 0, 0, 1, 500000000] });
    expect(encodeProperty(p('ZONED TIME NOT NULL', new neo4j.types.Time(10, 0, 0, 0, 3600)), 'x')).toEqual({ $time: [10, 0, 0, 0, 3600] });
    expect(encodeProperty(p('LOCAL TIME NOT NULL', new neo4j.types.LocalTime(23, 59, 59, 1)), 'x')).toEqual({ $localtime: [23, 59, 59, 1] });
    expect(encodeProperty(p('DURATION NOT NULL', new neo4j.types.Duration(14, 3, 4, 500000000)), 'x')).toEqual({ $duration: [14, 3, 4, 500000000] });
    expect(encodeProperty(p('POINT NOT NULL', new neo4j.types.Point(4326, -3.2, 51.5)), 'x')).toEqual({ $point: [4326, -3.2, 51.5] });
  });

  it('writes lists element by element, an empty list as [] and a byte array as base64', () => {
    expect(encodeProperty(p('LIST<STRING NOT NULL> NOT NULL', ['HAVE_REGARD']), 'x')).toEqual(['HAVE_REGARD']);
    expect(encodeProperty(p('LIST<INTEGER NOT NULL> NOT NULL', ['1', '2'], [1, 2]), 'x')).toEqual([{ $int: '1' }, { $int: '2' }]);
    expect(encodeProperty(p('LIST<NOTHING> NOT NULL', []), 'x')).toEqual([]);
    expect(encodeProperty(p('LIST<INTEGER NOT NULL> NOT NULL', ['1', '2', '-1'], new Int8Array([1, 2, -1])), 'x')).toEqual({ $bytes: 'AQL/' });
  });

  it('reads the JSON back as driver values of the same type', () => {
    const int = decodeProperty({ $int: '9007199254740993' }, 'x');
    expect(neo4j.isInt(int) && int.toString()).toBe('9007199254740993');
    expect(decodeProperty(1, 'x')).toBe(1);
    expect(decodeProperty({ $date: '2024-09-01' }, 'x')).toEqual(new neo4j.types.Date(2024, 9, 1));
    expect(decodeProperty({ $datetime: [2024, 9, 1, 10, 0, 0, 5, 3600, 'Europe/London'] }, 'x')).toEqual(new neo4j.types.DateTime(2024, 9, 1, 10, 0, 0, 5, 3600, 'Europe/London'));
    expect(decodeProperty({ $datetime: [2024, 9, 1, 10, 0, 0, 5, null, 'Europe/London'] }, 'x')).toEqual(new neo4j.types.DateTime(2024, 9, 1, 10, 0, 0, 5, undefined, 'Europe/London'));
    expect(decodeProperty({ $bytes: 'AQL/' }, 'x')).toEqual(new Int8Array([1, 2, -1]));
    expect(decodeProperty([{ $int: '1' }, { $int: '2' }], 'x')).toEqual([neo4j.int(1), neo4j.int(2)]);
  });

  it('refuses JSON that is no Neo4j value, saying where and what would do', () => {
    expect(() => decodeProperty({ $int: '1.5' }, 'nodes[3].order')).toThrow(new TypedValueError('nodes[3].order: $int takes a 64-bit integer as text, such as {"$int": "42"}'));
    expect(() => decodeProperty({ $int: '9223372036854775808' }, 'x')).toThrow(TypedValueError);
    expect(() => decodeProperty({ $date: '1 Sept 2024' }, 'x')).toThrow('x: $date takes a day such as "2024-09-01"');
    expect(() => decodeProperty([1, 'a'], 'x')).toThrow('x: a list property holds values of one type only; this one mixes FLOAT, STRING');
    expect(() => decodeProperty({ when: 'now' }, 'x')).toThrow(/"when" is not a typed value/);
    expect(() => decodeProperty({ $datetime: [2024, 9, 1, 10, 0, 0, 0, null, null] }, 'x')).toThrow(/an offset in seconds, a zone id/);
  });
});
