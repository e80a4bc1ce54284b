-- Payroll lines are read by pay period (the reconciliation, the claims), and a batch
-- arrives month by month: an index on the period grows at its end, while the index on
-- (person, period) took an insert at a random place for every line, which made storing a
-- large export slower the larger the table got.
DROP INDEX payroll_line_person_period;
CREATE INDEX payroll_line_period ON payroll_line (period_start, period_end);
