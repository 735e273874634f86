import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../core/config.ts';
import { configProblemsOf } from '../../support/config-problems.ts';

const problemsOf = configProblemsOf;

describe('loadConfig', () => {
  it('reads the deadline, the rate limit, the proxies and the schema mode, and names what is wrong with each', () => {
    const config = loadConfig({});
    expect([config.operationTimeoutMs, config.rateLimit, config.trustProxy, config.schemaOnStart]).toEqual([15000, { max: 600, windowMs: 60000 }, false, 'create']);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toEqual(['loopback', '10.0.0.0/8']);
    expect(loadConfig({ RATE_LIMIT_MAX: '0', SCHEMA_ON_START: 'CHECK' })).toMatchObject({ rateLimit: { max: 0 }, schemaOnStart: 'check' });
    expect(problemsOf({ OPERATION_TIMEOUT_MS: '5', RATE_LIMIT_MAX: 'lots', TRUST_PROXY: 'everyone', SCHEMA_ON_START: 'maybe' })).toEqual([
      'OPERATION_TIMEOUT_MS must be a whole number from 100 to 600000, like OPERATION_TIMEOUT_MS=15000; got "5"',
      'RATE_LIMIT_MAX must be a whole number from 0 to 1000000000, like RATE_LIMIT_MAX=600; got "lots"',
      'TRUST_PROXY must be false, the number of proxies in front (1 to 9), or their addresses, like TRUST_PROXY=1 or TRUST_PROXY=loopback,10.0.0.0/8; got "everyone"',
      'SCHEMA_ON_START must be create or check, like SCHEMA_ON_START=create; got "maybe"',
    ]);
  });

  it('logs at info unless LOG_LEVEL says otherwise, and names the levels it accepts', () => {
    expect(loadConfig({}).logLevel).toBe('info');
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug');
    expect(problemsOf({ LOG_LEVEL: 'loud' })).toEqual(['LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, like LOG_LEVEL=info; got "loud"']);
  });

  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.bodyLimit).toBe('100kb');
    expect(config.debugQueries).toBe(false);
    expect(config.seedOnStart).toBe(true);
    expect(config.neo4j).toMatchObject({
      mode: 'auto',
      uri: undefined,
      user: 'neo4j',
      database: 'neo4j',
      localPort: 7687,
      queryTimeoutMs: 15000,
      connectionTimeoutMs: 5000,
    });
    expect(config.neo4j.localDataDir.endsWith('/.data/neo4j')).toBe(true);
  });

  it('reads a remote Neo4j from NEO4J_URI and its credentials', () => {
    const config = loadConfig({
      NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io',
      NEO4J_USER: 'reader',
      NEO4J_PASSWORD: 'pw',
      NEO4J_DATABASE: 'code',
    });
    expect(config.neo4j).toMatchObject({ uri: 'neo4j+s://abc.databases.neo4j.io', user: 'reader', password: 'pw', database: 'code' });
  });

  it('reports every problem at once, each naming its variable with a valid example', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        NEO4J_URI: 'http://localhost:7474',
        NEO4J_MODE: 'cloud',
        NEO4J_QUERY_TIMEOUT_MS: '-5',
        DEBUG_QUERIES: 'maybe',
        BODY_LIMIT: 'lots',
      }),
    ).toEqual([
      'PORT must be a whole number from 0 to 65535, like PORT=4000; got "eighty"',
      'BODY_LIMIT must be a size like BODY_LIMIT=100kb (b, kb or mb); got "lots"',
      'NEO4J_URI must be a Neo4j address such as NEO4J_URI=neo4j+s://xxxx.databases.neo4j.io or NEO4J_URI=bolt://localhost:7687 (schemes: neo4j, neo4j+s, neo4j+ssc, bolt, bolt+s, bolt+ssc); got "http://localhost:7474"',
      'NEO4J_MODE must be one of auto, uri, docker, local, like NEO4J_MODE=local; got "cloud"',
      'NEO4J_PASSWORD is needed with NEO4J_URI, like NEO4J_PASSWORD=secret (the password of NEO4J_USER)',
      'NEO4J_QUERY_TIMEOUT_MS must be a whole number from 100 to 600000, like NEO4J_QUERY_TIMEOUT_MS=15000; got "-5"',
      'DEBUG_QUERIES must be true or false, like DEBUG_QUERIES=true; got "maybe"',
    ]);
  });

  it('says how many problems there are in the error message', () => {
    expect(() => loadConfig({ PORT: '99999', NEO4J_MODE: 'uri' })).toThrowError(
      'The configuration has 2 problems:\n' +
        '  - PORT must be a whole number from 0 to 65535, like PORT=4000; got "99999"\n' +
        '  - NEO4J_MODE=uri needs NEO4J_URI, like NEO4J_URI=bolt://localhost:7687',
    );
  });
});
