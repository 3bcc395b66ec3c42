-- Demo councils (demo data: seeded by the local run and by tests, never known to the product's code).
-- Their Keycloak groups and users come from deploy/keycloak/councilflow-realm.json.
INSERT INTO app.tenant (id, display_name, status, branding_colour, board_review_enabled, agenda_notice_days, call_in_days, sla_days)
VALUES ('barnet', 'London Borough of Barnet', 'ACTIVE', '#00703c', true, 5, 5, '{}'),
       ('tower-hamlets', 'London Borough of Tower Hamlets', 'ACTIVE', '#8a1538', true, 5, 5, '{}'),
       ('barnsley', 'Barnsley Metropolitan Borough Council', 'ACTIVE', '#0b5394', false, 5, 5, '{}')
ON CONFLICT (id) DO NOTHING;

-- England and Wales bank holidays, for the working-day arithmetic of agenda notice and call-in.
INSERT INTO app.bank_holiday (tenant_id, day, name)
SELECT t.id, h.day, h.name
FROM (VALUES ('barnet'), ('tower-hamlets'), ('barnsley')) AS t(id)
CROSS JOIN (VALUES
    (DATE '2026-12-25', 'Christmas Day'), (DATE '2026-12-28', 'Boxing Day (substitute day)'),
    (DATE '2027-01-01', 'New Year''s Day'), (DATE '2027-03-26', 'Good Friday'), (DATE '2027-03-29', 'Easter Monday'),
    (DATE '2027-05-03', 'Early May bank holiday'), (DATE '2027-05-31', 'Spring bank holiday'),
    (DATE '2027-08-30', 'Summer bank holiday'), (DATE '2027-12-27', 'Christmas Day (substitute day)'),
    (DATE '2027-12-28', 'Boxing Day (substitute day)')) AS h(day, name)
ON CONFLICT DO NOTHING;

INSERT INTO app.committee (id, tenant_id, name, purpose, scrutiny)
VALUES ('00000000-0000-4000-8000-000000000101', 'barnet', 'Children, Education & Safeguarding Committee',
        'Responsibility for education, children''s services and safeguarding.', false),
       ('00000000-0000-4000-8000-000000000102', 'barnet', 'Overview and Scrutiny Committee',
        'Scrutiny of the Council''s decisions, including call-in.', true),
       ('00000000-0000-4000-8000-000000000201', 'tower-hamlets', 'Cabinet', 'The Mayor''s executive decisions.', false),
       ('00000000-0000-4000-8000-000000000202', 'tower-hamlets', 'Overview and Scrutiny Committee',
        'Scrutiny, including call-in of executive decisions.', true),
       ('00000000-0000-4000-8000-000000000301', 'barnsley', 'Cabinet', 'Executive decisions.', false),
       ('00000000-0000-4000-8000-000000000302', 'barnsley', 'Overview and Scrutiny Committee',
        'Scrutiny, including call-in.', true)
ON CONFLICT (id) DO NOTHING;

INSERT INTO app.committee_member (committee_id, tenant_id, position, name, role, username)
VALUES ('00000000-0000-4000-8000-000000000101', 'barnet', 0, 'Cllr David Longstaff', 'CHAIR', null),
       ('00000000-0000-4000-8000-000000000101', 'barnet', 1, 'Cllr Anne Hutton', 'MEMBER', 'barnet.member'),
       ('00000000-0000-4000-8000-000000000201', 'tower-hamlets', 0, 'Cllr Omar Khan', 'MEMBER', 'tower-hamlets.member'),
       ('00000000-0000-4000-8000-000000000301', 'barnsley', 0, 'Cllr Ian Haigh', 'MEMBER', 'barnsley.member')
ON CONFLICT DO NOTHING;
