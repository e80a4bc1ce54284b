// The one door to the backend: typed wrappers around Tauri's `invoke`. Components never
// call `invoke` themselves. Every failure becomes an ApiError carrying the backend's
// ErrorDto (message already in Dutch, field violations in details.violations).

import { Channel, invoke } from '@tauri-apps/api/core';
import type { AppStatusDto } from './bindings/AppStatusDto';
import type { BatchDto } from './bindings/BatchDto';
import type { Category } from './bindings/Category';
import type { DemoSummaryDto } from './bindings/DemoSummaryDto';
import type { EligibilityDto } from './bindings/EligibilityDto';
import type { ErrorDto } from './bindings/ErrorDto';
import type { FteOverviewDto } from './bindings/FteOverviewDto';
import type { MappingProfileDto } from './bindings/MappingProfileDto';
import type { OrganisationDto } from './bindings/OrganisationDto';
import type { PayrollImportOptions } from './bindings/PayrollImportOptions';
import type { PayrollImportResultDto } from './bindings/PayrollImportResultDto';
import type { PeriodInput } from './bindings/PeriodInput';
import type { PersonDetailDto } from './bindings/PersonDetailDto';
import type { PersonInput } from './bindings/PersonInput';
import type { ProblemsDto } from './bindings/ProblemsDto';
import type { ProgressDto } from './bindings/ProgressDto';
import type { RatiosDto } from './bindings/RatiosDto';
import type { ReconciliationDto } from './bindings/ReconciliationDto';
import type { RuleSetDto } from './bindings/RuleSetDto';
import type { RuleValueInput } from './bindings/RuleValueInput';
import type { StaffFilter } from './bindings/StaffFilter';
import type { StaffImportPreviewDto } from './bindings/StaffImportPreviewDto';
import type { StaffImportResultDto } from './bindings/StaffImportResultDto';
import type { StaffRowDto } from './bindings/StaffRowDto';
import type { WageCodeDto } from './bindings/WageCodeDto';
import type { AgendaDto } from './bindings/AgendaDto';
import type { CandidateDetailDto } from './bindings/CandidateDetailDto';
import type { CandidateInput } from './bindings/CandidateInput';
import type { GuidancePlanInput } from './bindings/GuidancePlanInput';
import type { HireInput } from './bindings/HireInput';
import type { LeavingInput } from './bindings/LeavingInput';
import type { MeetingInput } from './bindings/MeetingInput';
import type { PathSettingsDto } from './bindings/PathSettingsDto';
import type { PersonPathDto } from './bindings/PersonPathDto';
import type { HireResultDto } from './bindings/HireResultDto';
import type { ListRequest } from './bindings/ListRequest';
import type { StatusChangeInput } from './bindings/StatusChangeInput';
import type { TurnoverDto } from './bindings/TurnoverDto';
import type { WaitlistDto } from './bindings/WaitlistDto';
import type { WaitlistFilter } from './bindings/WaitlistFilter';
import type { WaitlistStatsDto } from './bindings/WaitlistStatsDto';
import type { WorkerAttributeDto } from './bindings/WorkerAttributeDto';
import type { ClaimDto } from './bindings/ClaimDto';
import type { ClaimSummaryDto } from './bindings/ClaimSummaryDto';
import type { ClaimRuleSetDto } from './bindings/ClaimRuleSetDto';
import type { ClaimParameterInput } from './bindings/ClaimParameterInput';
import type { ExportDto } from './bindings/ExportDto';
import type { IssueClaimInput } from './bindings/IssueClaimInput';
import type { WorkerAttributeInput } from './bindings/WorkerAttributeInput';
import { t } from './i18n';

/**
 * Database ids. The generated bindings type Rust's i64 as `bigint`, but JSON delivers
 * plain numbers; ids are passed back as numbers.
 */
export type Id = number;

export class ApiError extends Error {
  readonly dto: ErrorDto;
  constructor(dto: ErrorDto) {
    super(dto.message);
    this.name = 'ApiError';
    this.dto = dto;
  }
}

/** True inside the Tauri webview; false in a plain browser (`npm run dev` without Tauri). */
export function hasBackend(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}

function errorDto(code: string, message: string, kind: ErrorDto['kind'] = 'internal'): ErrorDto {
  return { kind, code, message, details: { violations: [], issues: [], params: {} } };
}

/** Whatever `invoke` rejected with, as an ErrorDto. */
export function toErrorDto(e: unknown): ErrorDto {
  if (e instanceof ApiError) return e.dto;
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) {
    const o = e as Partial<ErrorDto>;
    return {
      kind: o.kind ?? 'internal',
      code: String(o.code),
      message: String(o.message),
      details: {
        violations: o.details?.violations ?? [],
        issues: o.details?.issues ?? [],
        params: o.details?.params ?? {},
      },
    };
  }
  const text = e instanceof Error ? e.message : String(e);
  return errorDto('internal.error', t('internal.error', { detail: text }));
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  if (!hasBackend()) throw new ApiError(errorDto('ui.no_backend', t('ui.no_backend.message')));
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw new ApiError(toErrorDto(e));
  }
}

/**
 * A channel for a command's progress reports. Created only inside the app: a Channel
 * registers a callback with Tauri's internals, which a plain browser lacks.
 */
function progressChannel<T>(onProgress?: (message: T) => void): Channel<T> | null {
  if (!hasBackend()) return null;
  const channel = new Channel<T>();
  if (onProgress) channel.onmessage = onProgress;
  return channel;
}

export const api = {
  appStatus: () => call<AppStatusDto>('app_status'),
  loadDemo: () => call<DemoSummaryDto>('load_demo'),

  getOrganisation: () => call<OrganisationDto | null>('get_organisation'),
  saveOrganisation: (input: OrganisationDto) => call<OrganisationDto>('save_organisation', { input }),

  listStaff: (filter: StaffFilter) => call<StaffRowDto[]>('list_staff', { filter }),
  getPerson: (personId: Id) => call<PersonDetailDto>('get_person', { id: personId }),
  createPerson: (input: PersonInput) => call<PersonDetailDto>('create_person', { input }),
  updatePerson: (personId: Id, input: PersonInput) =>
    call<PersonDetailDto>('update_person', { id: personId, input }),

  addPeriod: (personId: Id, input: PeriodInput) =>
    call<PersonDetailDto>('add_period', { personId, input }),
  updatePeriod: (periodId: Id, input: PeriodInput) =>
    call<PersonDetailDto>('update_period', { periodId, input }),
  deletePeriod: (periodId: Id) => call<PersonDetailDto>('delete_period', { periodId }),

  fteOverview: (period: string) => call<FteOverviewDto>('fte_overview', { period }),

  ruleSets: () => call<RuleSetDto[]>('rule_sets'),
  saveRuleValue: (input: RuleValueInput) => call<RuleSetDto[]>('save_rule_value', { input }),
  deleteRuleValue: (id: Id) => call<RuleSetDto[]>('delete_rule_value', { id }),
  ratios: (period: string) => call<RatiosDto>('ratios', { period }),
  /** Entry conditions of `category` for a hire on `on` (ISO or dd/mm/yyyy); work form null = the main one. */
  eligibility: (personId: Id, category: Category, on: string, workFormId: Id | null) =>
    call<EligibilityDto>('eligibility', { personId, category, on, workFormId }),
  problems: (period: string) => call<ProblemsDto>('problems', { period }),

  /**
   * Reads a staff register file and checks it against the register; nothing is stored.
   * `sheet` null = the first sheet; `mapping` (field id → 0-based column) replaces header
   * recognition, null = recognise the headers.
   */
  /** `file` is the token `chooseSpreadsheet` gave: the webview never names a path. */
  previewStaffImport: (file: string, sheet: string | null, mapping: Record<string, number> | null) =>
    call<StaffImportPreviewDto>('preview_staff_import', { file, sheet, mapping }),
  /** Imports a staff register file whole, or refuses with an `import` error listing every issue. */
  importStaff: (file: string, sheet: string | null, mapping: Record<string, number> | null) =>
    call<StaffImportResultDto>('import_staff', { file, sheet, mapping }),

  /** Opens the native file chooser (from Rust); null when the user cancelled. */
  /** The native chooser (opened by Rust): a token for the chosen file, or null. */
  chooseSpreadsheet: () => call<string | null>('choose_spreadsheet'),
  /**
   * Reads a payroll export. With `options.dry_run` the preview (nothing stored); otherwise
   * the batch is stored whole, or refused with an `import` error listing every issue.
   */
  importPayroll: (file: string, options: PayrollImportOptions, onProgress?: (p: ProgressDto) => void) =>
    call<PayrollImportResultDto>('import_payroll', { file, options, onProgress: progressChannel(onProgress) }),
  payrollBatches: () => call<BatchDto[]>('payroll_batches'),
  undoPayrollBatch: (id: Id) => call<BatchDto>('undo_payroll_batch', { id }),
  wageCodes: () => call<WageCodeDto[]>('wage_codes'),
  saveWageCode: (input: WageCodeDto) => call<WageCodeDto[]>('save_wage_code', { input }),
  deleteWageCode: (id: Id) => call<WageCodeDto[]>('delete_wage_code', { id }),
  mappingProfiles: () => call<string[]>('mapping_profiles'),
  reconciliation: (period: string) => call<ReconciliationDto>('reconciliation', { period }),
  /** The saved column mappings with the fields they map. */
  mappingProfileList: () => call<MappingProfileDto[]>('mapping_profile_list'),
  renameMappingProfile: (old: string, name: string) =>
    call<MappingProfileDto[]>('rename_mapping_profile', { old, new: name }),
  deleteMappingProfile: (name: string) => call<MappingProfileDto[]>('delete_mapping_profile', { name }),

  /** Open candidates in list order (referral date, then priority); closed ones when asked. */
  waitlist: (filter: WaitlistFilter) => call<WaitlistDto>('waitlist', { filter }),
  getCandidate: (id: Id) => call<CandidateDetailDto>('get_candidate', { id }),
  createCandidate: (input: CandidateInput) => call<CandidateDetailDto>('create_candidate', { input }),
  updateCandidate: (id: Id, input: CandidateInput) => call<CandidateDetailDto>('update_candidate', { id, input }),
  changeCandidateStatus: (id: Id, input: StatusChangeInput) =>
    call<CandidateDetailDto>('change_candidate_status', { id, input }),
  /** Creates the person and the first period in one go and closes the candidacy as hired. */
  hireCandidate: (id: Id, input: HireInput) => call<HireResultDto>('hire_candidate', { id, input }),
  waitlistStats: () => call<WaitlistStatsDto>('waitlist_stats'),
  setOpenPlaces: (workFormId: Id, places: number | null) =>
    call<WaitlistStatsDto>('set_open_places', { workFormId, places }),
  /** Overdue meetings, those due up to `until` (null: today + 30 days) and those done lately. */
  agenda: (until: string | null) => call<AgendaDto>('agenda', { until }),
  personPath: (personId: Id) => call<PersonPathDto>('person_path', { personId }),
  recordMeeting: (input: MeetingInput) => call<PersonPathDto>('record_meeting', { input }),
  saveGuidancePlan: (input: GuidancePlanInput) => call<PersonPathDto>('save_guidance_plan', { input }),
  recordLeaving: (personId: Id, input: LeavingInput) => call<PersonPathDto>('record_leaving', { personId, input }),
  pathSettings: () => call<PathSettingsDto>('path_settings'),
  savePathSettings: (input: PathSettingsDto) => call<PathSettingsDto>('save_path_settings', { input }),
  turnover: () => call<TurnoverDto>('turnover'),

  /** The dated claim attributes of a person (wage percentage, guidance level, seniority, SINE attest). */
  workerAttributes: (personId: Id) => call<WorkerAttributeDto[]>('worker_attributes', { personId }),
  saveWorkerAttribute: (input: WorkerAttributeInput) =>
    call<WorkerAttributeDto[]>('save_worker_attribute', { input }),
  deleteWorkerAttribute: (id: Id) => call<WorkerAttributeDto[]>('delete_worker_attribute', { id }),

  /** Computes (or recomputes) the draft claim of a work form for a quarter (`2026/1`). */
  computeClaim: (workFormId: Id, period: string) => call<ClaimDto>('compute_claim', { workFormId, period }),
  listClaims: () => call<ClaimSummaryDto[]>('list_claims'),
  getClaim: (id: Id) => call<ClaimDto>('get_claim', { id }),
  recomputeClaim: (id: Id) => call<ClaimDto>('recompute_claim', { id }),
  /** Recomputes the draft and freezes it; refused while it has blocking problems. */
  issueClaim: (id: Id, input: IssueClaimInput) => call<ClaimDto>('issue_claim', { id, input }),
  /** A correction of an issued claim: a new draft referencing it, with the differences. */
  amendClaim: (id: Id) => call<ClaimDto>('amend_claim', { id }),
  settleClaim: (id: Id, stream: string, amount: string) => call<ClaimDto>('settle_claim', { id, stream, amount }),

  /** The stored claim rule sets (streams and dated parameter values). */
  claimRuleSets: () => call<ClaimRuleSetDto[]>('claim_rule_sets'),
  installClaimTemplate: (code: string) => call<ClaimRuleSetDto>('install_claim_template', { code }),
  /** A dated parameter value (empty = not known) with its source; a new version of the rule set. */
  setClaimParameter: (input: ClaimParameterInput) => call<ClaimRuleSetDto>('set_claim_parameter', { input }),
  /** Saves the claim's PDF through the native save dialog (opened in Rust); `null` when cancelled. */
  saveClaimPdf: (id: Id) => call<ExportDto | null>('save_claim_pdf', { id }),
  /** Writes the claim's PDF to the private print folder and opens it in the system viewer. */
  openClaimPdf: (id: Id) => call<ExportDto>('open_claim_pdf', { id }),
  /** Exports the claim's lines to xlsx through the native save dialog; `null` when cancelled. */
  saveClaimXlsx: (id: Id) => call<ExportDto | null>('save_claim_xlsx', { id }),
  /** Exports a list as its screen shows it (with its filter) to xlsx through the native save dialog; `null` when cancelled. */
  saveListXlsx: (request: ListRequest) => call<ExportDto | null>('save_list_xlsx', { request }),
  /** Writes an article 60 worker's prestatiestaat for `month` (`2026-01`) to the print folder and opens it. */
  openPrestatiestaat: (personId: Id, month: string) => call<ExportDto>('open_prestatiestaat', { personId, month }),
  /** Saves the prestatiestaat through the native save dialog (opened in Rust); `null` when cancelled. */
  savePrestatiestaat: (personId: Id, month: string) =>
    call<ExportDto | null>('save_prestatiestaat', { personId, month }),
};
