// Pure helpers for person forms (the register's person form and the candidate form share them).
import type { PersonInput } from '../../lib/bindings/PersonInput';

/** A person form with nothing filled in: every fact unknown, every text empty. */
export function emptyPersonInput(): PersonInput {
  return {
    insz: '',
    last_name: '',
    first_name: '',
    birth_date: '',
    sex: 'unknown',
    education_level: 'unknown',
    vdab_registration_date: '',
    inactive_since: '',
    limitation: 'unknown',
    disability_registration: 'unknown',
    guidance_trajectory: 'unknown',
    insufficient_skills: 'unknown',
    work_care_attest_valid_until: '',
  };
}
