-- A report's Welsh text beside the English (ADR 0015): one more part of the draft ('welsh': title, summary and
-- recommendations in Welsh), frozen into every version with the rest, so the signed-off version holds it; whoever
-- writes it contributes to the report (four-eyes, ADR 0002).
ALTER TABLE app.report_part DROP CONSTRAINT report_part_part_check;
ALTER TABLE app.report_part ADD CONSTRAINT report_part_part_check CHECK (
    part IN ('header', 'summary', 'recommendations', 'body', 'reasons', 'alternatives', 'postDecision', 'implications',
             'backgroundPapers', 'welsh'));
ALTER TABLE app.report_contributor DROP CONSTRAINT report_contributor_contribution_check;
ALTER TABLE app.report_contributor ADD CONSTRAINT report_contributor_contribution_check CHECK (
    contribution IN ('created', 'header', 'summary', 'recommendations', 'body', 'reasons', 'alternatives', 'postDecision',
                     'implications', 'backgroundPapers', 'appendices', 'welsh'));
