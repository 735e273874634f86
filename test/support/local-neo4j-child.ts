/**
 * A parent process for the local Neo4j, for the test that kills the parent with SIGKILL:
 * starts the JVM on the folder given as argv[2], prints `READY <pid> <uri>`, then waits.
 */
import { startLocalNeo4j } from '../../db/neo4j/local-neo4j.ts';

const dataDir = process.argv[2];
if (dataDir === undefined) throw new Error('usage: local-neo4j-child.ts <data-dir>');
const local = await startLocalNeo4j({ dataDir, port: 0 });
process.stdout.write(`READY ${local.pid} ${local.uri}\n`);
setInterval(() => undefined, 60_000);
