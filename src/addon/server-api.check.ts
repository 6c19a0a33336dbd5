/**
 * Compile-time only (never bundled): the functions the bundle exposes must
 * include, with fitting shapes, every one src/shared/server-api.ts promises
 * the sidebar and the settings dialog. They take `unknown` and validate it,
 * which fits any request type the browser sends.
 */
import type { ServerApi } from '../shared/server-api';
import * as entryPoints from './main';

export const SERVER_API: ServerApi = entryPoints;
