#!/usr/bin/env node
// `npx tansiq` and the installed `tansiq` binary: load tsx so Node runs the TypeScript sources
// directly (there is no build step), then run the CLI.
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/cli/main.ts', import.meta.url).href);
