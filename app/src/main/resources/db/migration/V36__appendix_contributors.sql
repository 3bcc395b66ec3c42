-- Four-eyes (ADR 0002): the appendices are part of what is signed off, so whoever added or removed one of a report's
-- appendices contributed to it ('appendices') and may not sign it off.
ALTER TABLE app.report_contributor DROP CONSTRAINT report_contributor_contribution_check;
ALTER TABLE app.report_contributor ADD CONSTRAINT report_contributor_contribution_check CHECK (
    contribution IN ('created', 'header', 'summary', 'recommendations', 'body', 'reasons', 'alternatives', 'postDecision',
                     'implications', 'backgroundPapers', 'appendices'));
