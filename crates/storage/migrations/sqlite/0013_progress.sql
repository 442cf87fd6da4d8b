-- Progress (issue 7, progress slice). Keep identical to ../postgres/0013_progress.sql.
-- A held review that asks for a new PIP version says why, so the link to the PIP page carries it.
ALTER TABLE voortgangsgesprekken ADD COLUMN pip_aanpassen_reden TEXT
    CHECK (pip_aanpassen_reden IN ('schakelen', 'afschalen', 'verhuizing', 'anders'));
-- Hours are listed per person by period on the voortgang page.
CREATE INDEX uren_persoon_periode ON uren (persoon_id, van);
