-- The brede intake (issue 7, intake slice). Keep identical in shape to ../sqlite/0011_intake.sql.

-- Besluit inburgering 2021 art. 5.3 lid 2: when the college asked third parties for information,
-- the PIP is due at most two weeks after it was received. The intake is where the regisseur waits.
ALTER TABLE intakes ADD COLUMN derde_info_gevraagd_op DATE;
ALTER TABLE intakes ADD COLUMN derde_info_ontvangen_op DATE;
-- Who closed the intake ("Intake afronden"), shown on the overview.
ALTER TABLE intakes ADD COLUMN afgerond_door UUID REFERENCES gebruikers (id);

-- Besluit 5.2 lid 2 (C-5): the college points out the right to hold the conversations without anyone
-- else present; recorded per conversation.
ALTER TABLE intake_gesprekken ADD COLUMN recht_zonder_partner_gewezen BOOLEAN NOT NULL DEFAULT FALSE;
