-- Frozen means frozen.
-- 1. Claim rule-set versions are append-only for DELETE as well as UPDATE (a rule set, whose
--    versions cascade, cannot be deleted either).
-- 2. An issued claim keeps the snapshot of what its documents show besides the result
--    (organisation, recognition number, masked INSZ, formula kinds, norm, signature block,
--    print date, hash) in the application's versioned format: `document` holds its JSON and
--    `snapshot_version` its version (NULL for drafts and for claims issued before this
--    release, whose documents were the stored PDF only). They are written by the same
--    UPDATE that issues the claim; the triggers of an issued claim forbid any later change.
CREATE TRIGGER claim_rule_set_version_no_delete BEFORE DELETE ON claim_rule_set_version
BEGIN
    SELECT RAISE(ABORT, 'claim_rule_set_version is append-only');
END;

ALTER TABLE claim ADD COLUMN document TEXT;
ALTER TABLE claim ADD COLUMN snapshot_version INTEGER;
