// Runs before npm ci, npm start and npm test: on a Node.js older than the project supports,
// it says so in one sentence and stops, instead of a screen of warnings and a crash later.
// Plain old JavaScript on purpose, so that it runs on any Node.js at all.
var required = [20, 19];
var parts = process.versions.node.split('.').map(Number);
var ok = parts[0] > required[0] || (parts[0] === required[0] && parts[1] >= required[1]);
if (!ok) {
  console.error(
    'care-code-graph needs Node.js ' + required.join('.') + ' or later; ' +
      'this is Node.js ' + process.versions.node + '. Install a current Node.js LTS (https://nodejs.org) and run the command again.'
  );
  process.exit(1);
}
