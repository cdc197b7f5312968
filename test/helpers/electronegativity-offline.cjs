// Preloaded (node --require) into Electronegativity's CLI by test/unit/electronegativity.test.ts.
// The CLI fetches translations from S3 on every start, and AvailableSecurityFixesGlobalCheck
// fetches Electron's release list from GitHub; tests send no traffic off this machine, so `got`
// (its only HTTP client) fails at once instead. The CLI then uses its bundled English text, and
// that global check is excluded with -x anyway.
const Module = require('node:module');

const load = Module._load;
Module._load = function loadWithoutNetwork(request, parent, isMain) {
  if (request === 'got') {
    const refuse = () => Promise.reject(new Error('network disabled in tests'));
    refuse.head = refuse;
    refuse.get = refuse;
    return refuse;
  }
  return load.call(this, request, parent, isMain);
};
