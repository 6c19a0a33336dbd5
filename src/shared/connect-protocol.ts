/**
 * What the Connect your sheet dialog and the server exchange (SPEC §4):
 * plain objects only. The server reads the team's sheet and decides how
 * each field reads; the dialog shows it and sends back the user's choices.
 */
export interface ConnectField {
  /** The engine's field key (`amount`, `expectedClose`…). */
  field: string;
  /** The field's name in the dialog's language. */
  label: string;
  required: boolean;
  /** The header it is under, or `null` when none. */
  header: string | null;
  /** The user chose "(none)": no column is read for it, even one with a known name. */
  unmapped: boolean;
  /** A few values as written and as the engine reads them (`₩10,000,000 → 10,000,000 KRW`). */
  samples: { raw: string; read: string }[];
  /** What is wrong with the values under it (`2 rows cannot be read, e.g. 'TBD'`), or `null`. */
  problem: string | null;
}

/** A stage proposed from the deals' distinct Stage values, for a sheet with no Stages. */
export interface ConnectStage {
  stage: string;
  outcome: 'open' | 'won' | 'lost';
  /** 0..1, or `null` for the user to fill before the forecast counts its deals. */
  probability: number | null;
  /** How many deals are in it. */
  deals: number;
  /** What the probability rests on, in words (`median of 4 deals' own probabilities`). */
  basis: string;
}

export interface ConnectState {
  language: 'ko' | 'en';
  /** Every sheet, with how many Deals fields its headers name; the add-on's own sheets are left out. */
  sheets: { name: string; score: number }[];
  /** The sheet shown: the connected one, or the one whose headers best match Deals. */
  sheet: string;
  /** Sheet row of its header row (title rows may stand above it). */
  headerRow: number;
  headers: string[];
  fields: ConnectField[];
  /** What every Amount is multiplied by (`금액(천원)` → 1,000). */
  amountUnit: number;
  /** The Amount's currency (`KRW`) from its header, its values' signs or a Currency column, or `null`. */
  currency: string | null;
  /** `year-first`, `month-first` or `day-first`: how dates in the sheet are read. */
  dateOrder: string;
  /** The Stages sheet the pipeline uses, or `null` when there is none yet (then `proposedStages`). */
  stagesSheet: string | null;
  proposedStages: ConnectStage[] | null;
  /** Why the sheet cannot be connected as it is mapped (a required field with no header), or `null`. */
  problem: string | null;
  /** The sheet is connected with exactly this map. */
  connected: boolean;
}

export interface ConnectRequest {
  sheet: string;
  /** Field key → header, for every field the user mapped; `''` = "(none)". */
  map: Record<string, string>;
}

export interface ConnectSaveRequest extends ConnectRequest {
  /** The stages to create when there is no Stages sheet (with probabilities the user filled), else `null`. */
  stages: { stage: string; outcome: 'open' | 'won' | 'lost'; probability: number | null }[] | null;
}
