#!/usr/bin/env node
// The installed `pacto` command. It exists before the first build (package managers link bins at
// install time) and loads the bundled CLI.
import '../dist/pacto.js';
