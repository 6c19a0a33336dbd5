import type { ConnectRequest, ConnectSaveRequest, ConnectState } from './connect-protocol';
import type {
  ActionResult,
  AttentionList,
  ChecklistRequest,
  EmailSendRequest,
  MoveRequest,
  PanelSelection,
  PanelState,
  TaskDoneRequest,
} from './panel-protocol';
import type { ReviewApi } from './review-protocol';
import type { SettingsSaveRequest, SettingsState } from './settings-protocol';

/**
 * The server functions the sidebar and the settings dialog call through
 * `google.script.run`, with what they take and give. The browser's client
 * is typed by it (src/panel/server.ts), and the server's exports are checked
 * against it (src/addon/server-api.check.ts), so a renamed function or a
 * changed shape breaks the build on both sides.
 */
export interface ServerApi extends ReviewApi {
  panelGetSelection(): PanelSelection;
  /** By Deal ID after an action; without one, the selected Deals row. */
  panelGetState(dealId?: string): PanelState;
  panelMoveDeal(request: MoveRequest): ActionResult;
  /** Needs attention: everyone's deals, or only the active user's. */
  panelGetAttention(mine: boolean): AttentionList;
  /** Selects the deal's row in Deals (found by its ID) and returns its state: next/previous in Needs attention. */
  panelSelectDeal(dealId: string): PanelState;
  panelSetChecklistItem(request: ChecklistRequest): ActionResult;
  panelSetTaskDone(request: TaskDoneRequest): ActionResult;
  /** Sends one drafted entry email from the person clicking, once. */
  panelSendEntryEmail(request: EmailSendRequest): ActionResult;
  settingsGetState(): SettingsState;
  settingsSave(request: SettingsSaveRequest): SettingsState;
  /** Connect your sheet: the proposed sheet and how its columns read. */
  connectGetState(): ConnectState;
  /** The same for another sheet or another mapping, without saving. */
  connectPreview(request: ConnectRequest): ConnectState;
  connectSave(request: ConnectSaveRequest): ConnectState;
}
