-- Demo improvement plans (demo data only). Barnet's follows its Children's Services Improvement Action Plan of
-- 2017: a turnaround priority and six improvement themes, with the indicators, a risk and the inspection events
-- of its published papers. Tower Hamlets has a small plan so that isolation can be tested against real rows.
INSERT INTO app.improvement_plan (id, tenant_id, title, service_area, origin_inspection, origin_date, origin_judgement, target_judgement)
VALUES ('00000000-0000-4000-8000-000000001001', 'barnet', 'Barnet Children''s Services Improvement Action Plan',
        'Children''s Services', 'Ofsted Single Inspection Framework (SIF)', DATE '2017-07-07', 'Inadequate', 'Good'),
       ('00000000-0000-4000-8000-000000002001', 'tower-hamlets', 'Children''s Services Improvement Plan',
        'Children''s Services', 'Ofsted Single Inspection Framework (SIF)', DATE '2017-04-10', 'Inadequate', 'Good')
ON CONFLICT (id) DO NOTHING;

INSERT INTO app.plan_theme (plan_id, tenant_id, number, title, description, turnaround)
VALUES ('00000000-0000-4000-8000-000000001001', 'barnet', 1, 'Turnaround priority: To drive sustainable Practice Improvement at pace',
        'Driving the quality of social work practice to turn around at pace to ensure children''s outcomes are improved.', true),
       ('00000000-0000-4000-8000-000000001001', 'barnet', 2, 'Governance Leadership, and Partnership', null, false),
       ('00000000-0000-4000-8000-000000001001', 'barnet', 3, 'Embedding Practice Leadership',
        'Strengthen practice leadership through effective management oversight and increased capacity.', false),
       ('00000000-0000-4000-8000-000000001001', 'barnet', 4, 'Right interventions, right time (Thresholds)',
        'An effective MASH and proportionate, effective and timely decision making across the whole social care system.', false),
       ('00000000-0000-4000-8000-000000001001', 'barnet', 5, 'Improving Assessment for children',
        'Strengthening risk assessments and ensuring child focussed assessments so that plans are robust.', false),
       ('00000000-0000-4000-8000-000000001001', 'barnet', 6, 'Improving Planning for children',
        'Planning is child centred and plans achieve the best outcomes.', false),
       ('00000000-0000-4000-8000-000000001001', 'barnet', 7, 'Effective Communications and Engagement to drive culture change that will improve children''s lives', null, false),
       ('00000000-0000-4000-8000-000000002001', 'tower-hamlets', 1, 'Strengthening the front door', null, false)
ON CONFLICT DO NOTHING;

INSERT INTO app.plan_action (plan_id, tenant_id, theme_number, position, reference, description, owner, due_date, rag, evidence)
VALUES ('00000000-0000-4000-8000-000000001001', 'barnet', 5, 0, '5b(ii)',
        'Audit strategy discussions and act on the findings', 'Head of Service, Intervention and Planning', DATE '2018-09-30', 'AMBER',
        '48% of sampled cases graded Good in the strategy discussion domain (April 2018 audit).'),
       ('00000000-0000-4000-8000-000000002001', 'tower-hamlets', 1, 0, '1a', 'Review MASH thresholds', 'Head of MASH', DATE '2018-06-30', 'GREEN', null)
ON CONFLICT DO NOTHING;

INSERT INTO app.indicator (id, tenant_id, plan_id, name, unit, polarity, target, tolerance, frequency)
VALUES ('00000000-0000-4000-8000-000000001101', 'barnet', '00000000-0000-4000-8000-000000001001',
        'Duty and Assessment Team average caseload', 'COUNT', 'LOWER_IS_BETTER', 15, 3, 'MONTHLY'),
       ('00000000-0000-4000-8000-000000002101', 'tower-hamlets', '00000000-0000-4000-8000-000000002001',
        'Cabinet-reported re-referrals', 'PERCENT', 'LOWER_IS_BETTER', 20, 2, 'MONTHLY')
ON CONFLICT DO NOTHING;

INSERT INTO app.indicator_value (indicator_id, tenant_id, period, value)
VALUES ('00000000-0000-4000-8000-000000001101', 'barnet', '2017-03', 37.5),
       ('00000000-0000-4000-8000-000000001101', 'barnet', '2018-03', 13.3),
       ('00000000-0000-4000-8000-000000002101', 'tower-hamlets', '2018-04', 23)
ON CONFLICT DO NOTHING;

INSERT INTO app.risk (id, tenant_id, plan_id, reference, title, owner, inherent_likelihood, inherent_impact,
                      residual_likelihood, residual_impact, previous_residual_score, mitigation)
VALUES ('00000000-0000-4000-8000-000000001201', 'barnet', '00000000-0000-4000-8000-000000001001', 'FS021',
        'Base budget pressure', 'Strategic Director for Children and Young People', 4, 4, 4, 4, 6,
        'Managing the risks within the budget; additional investment agreed by Policy and Resources Committee.'),
       ('00000000-0000-4000-8000-000000002201', 'tower-hamlets', '00000000-0000-4000-8000-000000002001', 'CS001',
        'Cabinet-confidential staffing risk', 'Corporate Director', 3, 4, 2, 4, null, null)
ON CONFLICT DO NOTHING;

INSERT INTO app.inspection_event (id, tenant_id, plan_id, type, title, start_date, end_date, focus, judgement, summary)
VALUES ('00000000-0000-4000-8000-000000001301', 'barnet', '00000000-0000-4000-8000-000000001001', 'SIF_INSPECTION',
        'Ofsted Single Inspection Framework', DATE '2017-04-24', DATE '2017-05-18',
        'Children in need of help and protection, children looked after and care leavers', 'Inadequate', null),
       ('00000000-0000-4000-8000-000000001302', 'barnet', '00000000-0000-4000-8000-000000001001', 'MONITORING_VISIT',
        'First Ofsted monitoring visit', DATE '2017-11-01', null,
        '''Front door'' arrangements in the MASH and the Duty & Assessment Teams', null, null),
       ('00000000-0000-4000-8000-000000002301', 'tower-hamlets', '00000000-0000-4000-8000-000000002001', 'MONITORING_VISIT',
        'Cabinet-briefed monitoring visit', DATE '2017-10-01', null, null, null, null)
ON CONFLICT DO NOTHING;

-- A Tower Hamlets report with one frozen version, for isolation tests.
INSERT INTO app.progress_report (id, tenant_id, plan_id, title, sequence_number, latest_version, created_by)
VALUES ('00000000-0000-4000-8000-000000002401', 'tower-hamlets', '00000000-0000-4000-8000-000000002001',
        'Cabinet update on children''s services improvement', 1, 1, 'tower-hamlets.author')
ON CONFLICT (id) DO NOTHING;
INSERT INTO app.report_part (report_id, tenant_id, part, content, updated_by)
VALUES ('00000000-0000-4000-8000-000000002401', 'tower-hamlets', 'header',
        '{"sequenceNumber":1,"periodStart":null,"periodEnd":null,"header":{"committee":"Cabinet","meetingDate":null,"title":"Cabinet update on children''s services improvement","reportOf":null,"wards":"All","status":"PUBLIC","exemption":null,"urgent":false,"keyDecision":false,"enclosures":null,"officerContact":null}}',
        'tower-hamlets.author'),
       ('00000000-0000-4000-8000-000000002401', 'tower-hamlets', 'summary', '"Cabinet summary text"', 'tower-hamlets.author'),
       ('00000000-0000-4000-8000-000000002401', 'tower-hamlets', 'recommendations', '["That Cabinet notes progress."]', 'tower-hamlets.author')
ON CONFLICT DO NOTHING;
INSERT INTO app.report_version (report_id, tenant_id, number, document, frozen_by)
SELECT '00000000-0000-4000-8000-000000002401', 'tower-hamlets', 1,
       '{"sequenceNumber":1,"periodStart":null,"periodEnd":null,"header":{"committee":"Cabinet","meetingDate":null,"title":"Cabinet update on children''s services improvement","reportOf":null,"wards":"All","status":"PUBLIC","exemption":null,"urgent":false,"keyDecision":false,"enclosures":null,"officerContact":null},"summary":"Cabinet summary text","recommendations":["That Cabinet notes progress."],"sections":[]}',
       'tower-hamlets.author'
WHERE NOT EXISTS (SELECT 1 FROM app.report_version WHERE report_id = '00000000-0000-4000-8000-000000002401');

-- Meetings: Barnet's committee of 12 September 2018 (as in the published decision), and a Tower Hamlets Cabinet.
INSERT INTO app.meeting (id, tenant_id, committee_id, starts_at, venue)
VALUES ('00000000-0000-4000-8000-000000001501', 'barnet', '00000000-0000-4000-8000-000000000101',
        TIMESTAMPTZ '2018-09-12 19:00 Europe/London', 'Hendon Town Hall, The Burroughs, London NW4 4BQ'),
       ('00000000-0000-4000-8000-000000002501', 'tower-hamlets', '00000000-0000-4000-8000-000000000201',
        TIMESTAMPTZ '2018-09-26 17:30 Europe/London', 'Cabinet room, Town Hall, Mulberry Place')
ON CONFLICT (id) DO NOTHING;

-- The Tower Hamlets Cabinet's agenda in preparation: apologies for absence, with a linked document (isolation tests).
INSERT INTO app.agenda_item (id, meeting_id, tenant_id, kind, position, number, title)
VALUES ('00000000-0000-4000-8000-000000002511', '00000000-0000-4000-8000-000000002501', 'tower-hamlets', 'APOLOGIES', 1,
        '1', 'Apologies for absence')
ON CONFLICT (id) DO NOTHING;
INSERT INTO app.agenda_document (id, tenant_id, item_id, position, title, kind, link, added_by)
VALUES ('00000000-0000-4000-8000-000000002521', 'tower-hamlets', '00000000-0000-4000-8000-000000002511', 1,
        'Cabinet Procedure Rules', 'BACKGROUND_PAPER', 'https://democracy.towerhamlets.gov.uk/procedure-rules',
        'tower-hamlets.clerk')
ON CONFLICT (id) DO NOTHING;
