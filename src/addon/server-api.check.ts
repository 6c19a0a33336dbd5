/**
 * Compile-time only (never bundled): the functions the sidebar and the
 * settings dialog call must be exactly the ones src/shared/server-api.ts
 * promises the browser. They take `unknown` and validate it, which fits any
 * request type the browser sends.
 */
import type { ServerApi } from '../shared/server-api';
import { settingsGetState, settingsSave } from './dialogs/settings-dialog';
import {
  panelGetSelection,
  panelGetState,
  panelMoveDeal,
  panelSetChecklistItem,
  panelSetTaskDone,
} from './panel/actions';

export const SERVER_API = {
  panelGetSelection,
  panelGetState,
  panelMoveDeal,
  panelSetChecklistItem,
  panelSetTaskDone,
  settingsGetState,
  settingsSave,
} satisfies ServerApi;
