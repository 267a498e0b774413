#!/usr/bin/env node
// `reception-server`: the office server as built by `npm run build` (out/main/server.js), for a
// machine that runs it as a service. `npm run server` does the same from the sources.
import '../out/main/server.js';
