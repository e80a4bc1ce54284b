-- What the claim PDF's header and its "aangifte van schuldvordering" need from the organisation:
-- legal form, RSZ employer number (digits), IBAN (compact, upper case), BIC, and the place where
-- documents are signed. Empty text = not entered.
ALTER TABLE organisation ADD COLUMN legal_form TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN rsz_number TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN iban TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN bic TEXT NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN signing_place TEXT NOT NULL DEFAULT '';
