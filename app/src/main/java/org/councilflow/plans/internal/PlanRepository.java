package org.councilflow.plans.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.plans.Indicator;
import org.councilflow.plans.InspectionEvent;
import org.councilflow.plans.Plan;
import org.councilflow.plans.Risk;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plans and their registers, always filtered by tenant as well as by row-level security. */
@Repository
public class PlanRepository {

    private final JdbcClient jdbc;

    PlanRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // --- plans, themes, actions

    public List<Plan.Summary> summaries(String tenant) {
        return jdbc.sql("""
                SELECT p.id, p.title, p.service_area, p.origin_judgement, p.target_judgement, p.updated_at,
                       (SELECT count(*) FROM app.plan_theme t WHERE t.plan_id = p.id AND t.tenant_id = p.tenant_id) AS themes,
                       (SELECT count(*) FROM app.plan_action a WHERE a.plan_id = p.id AND a.tenant_id = p.tenant_id) AS actions
                FROM app.improvement_plan p WHERE p.tenant_id = :tenant ORDER BY p.title""")
                .param("tenant", tenant)
                .query((rs, n) -> new Plan.Summary(rs.getObject("id", UUID.class), rs.getString("title"),
                        rs.getString("service_area"), rs.getString("origin_judgement"), rs.getString("target_judgement"),
                        rs.getInt("themes"), rs.getInt("actions"), rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    public Optional<Plan> find(String tenant, UUID id) {
        return jdbc.sql("SELECT * FROM app.improvement_plan WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Plan(id, rs.getString("title"), rs.getString("service_area"),
                        new Plan.Origin(rs.getString("origin_inspection"), localDate(rs, "origin_date"),
                                rs.getString("origin_judgement")),
                        rs.getString("target_judgement"), List.of(), rs.getTimestamp("updated_at").toInstant(),
                        rs.getInt("version")))
                .optional()
                .map(plan -> new Plan(plan.id(), plan.title(), plan.serviceArea(), plan.origin(), plan.targetJudgement(),
                        themes(tenant, id), plan.updatedAt(), plan.version()));
    }

    public void insert(String tenant, UUID id, Plan.Draft draft) {
        jdbc.sql("""
                INSERT INTO app.improvement_plan (id, tenant_id, title, service_area, origin_inspection, origin_date,
                       origin_judgement, target_judgement)
                VALUES (:id, :tenant, :title, :area, :inspection, :date, :judgement, :target)""")
                .param("id", id).param("tenant", tenant).params(header(draft))
                .update();
        insertThemes(tenant, id, draft.themes());
    }

    public boolean update(String tenant, UUID id, Plan.Draft draft, int expectedVersion) {
        int updated = jdbc.sql("""
                UPDATE app.improvement_plan SET title = :title, service_area = :area, origin_inspection = :inspection,
                       origin_date = :date, origin_judgement = :judgement, target_judgement = :target,
                       updated_at = now(), version = version + 1
                WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                .param("id", id).param("tenant", tenant).param("version", expectedVersion).params(header(draft))
                .update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM app.plan_theme WHERE tenant_id = :tenant AND plan_id = :id")
                    .param("tenant", tenant).param("id", id).update();
            insertThemes(tenant, id, draft.themes());
        }
        return updated == 1;
    }

    private static Map<String, Object> header(Plan.Draft draft) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("title", draft.title().strip());
        params.put("area", draft.serviceArea().strip());
        params.put("inspection", draft.origin() == null ? null : draft.origin().inspection());
        params.put("date", draft.origin() == null || draft.origin().date() == null ? null : Date.valueOf(draft.origin().date()));
        params.put("judgement", draft.origin() == null ? null : draft.origin().judgement());
        params.put("target", draft.targetJudgement());
        return params;
    }

    private void insertThemes(String tenant, UUID plan, List<Plan.Theme> themes) {
        for (Plan.Theme theme : themes) {
            jdbc.sql("""
                    INSERT INTO app.plan_theme (plan_id, tenant_id, number, title, description, turnaround)
                    VALUES (:plan, :tenant, :number, :title, :description, :turnaround)""")
                    .param("plan", plan).param("tenant", tenant).param("number", theme.number())
                    .param("title", theme.title()).param("description", theme.description())
                    .param("turnaround", theme.turnaround())
                    .update();
            int position = 0;
            for (Plan.Action action : theme.actions()) {
                jdbc.sql("""
                        INSERT INTO app.plan_action (plan_id, tenant_id, theme_number, position, reference, description,
                               owner, due_date, rag, evidence)
                        VALUES (:plan, :tenant, :theme, :position, :reference, :description, :owner, :due, :rag, :evidence)""")
                        .param("plan", plan).param("tenant", tenant).param("theme", theme.number())
                        .param("position", position++).param("reference", action.reference())
                        .param("description", action.description()).param("owner", action.owner())
                        .param("due", action.dueDate() == null ? null : Date.valueOf(action.dueDate()))
                        .param("rag", action.rag().name()).param("evidence", action.evidence())
                        .update();
            }
        }
    }

    private List<Plan.Theme> themes(String tenant, UUID plan) {
        Map<Integer, List<Plan.Action>> actions = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT theme_number, reference, description, owner, due_date, rag, evidence FROM app.plan_action
                WHERE tenant_id = :tenant AND plan_id = :plan ORDER BY theme_number, position""")
                .param("tenant", tenant).param("plan", plan)
                .query((ResultSet rs) -> {
                    actions.computeIfAbsent(rs.getInt("theme_number"), k -> new ArrayList<>()).add(new Plan.Action(
                            rs.getString("reference"), rs.getString("description"), rs.getString("owner"),
                            localDate(rs, "due_date"), Plan.Rag.valueOf(rs.getString("rag")), rs.getString("evidence")));
                });
        return jdbc.sql("""
                SELECT number, title, description, turnaround FROM app.plan_theme
                WHERE tenant_id = :tenant AND plan_id = :plan ORDER BY number""")
                .param("tenant", tenant).param("plan", plan)
                .query((rs, n) -> new Plan.Theme(rs.getInt("number"), rs.getString("title"), rs.getString("description"),
                        rs.getBoolean("turnaround"), actions.getOrDefault(rs.getInt("number"), List.of())))
                .list();
    }

    // --- indicators

    public List<Indicator> indicators(String tenant, UUID plan) {
        return jdbc.sql("SELECT * FROM app.indicator WHERE tenant_id = :tenant AND plan_id = :plan ORDER BY name")
                .param("tenant", tenant).param("plan", plan)
                .query((rs, n) -> indicator(rs))
                .list().stream().map(i -> withValues(tenant, i)).toList();
    }

    public Optional<Indicator> indicator(String tenant, UUID plan, UUID id) {
        return jdbc.sql("SELECT * FROM app.indicator WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id")
                .param("tenant", tenant).param("plan", plan).param("id", id)
                .query((rs, n) -> indicator(rs))
                .optional().map(i -> withValues(tenant, i));
    }

    public void insertIndicator(String tenant, UUID plan, UUID id, Indicator.Definition d) {
        jdbc.sql("""
                INSERT INTO app.indicator (id, tenant_id, plan_id, name, unit, polarity, target, tolerance, frequency)
                VALUES (:id, :tenant, :plan, :name, :unit, :polarity, :target, :tolerance, :frequency)""")
                .param("id", id).param("tenant", tenant).param("plan", plan).params(definition(d))
                .update();
    }

    public boolean updateIndicator(String tenant, UUID plan, UUID id, Indicator.Definition d, int expectedVersion) {
        return jdbc.sql("""
                UPDATE app.indicator SET name = :name, unit = :unit, polarity = :polarity, target = :target,
                       tolerance = :tolerance, frequency = :frequency, version = version + 1
                WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id AND version = :version""")
                .param("id", id).param("tenant", tenant).param("plan", plan).param("version", expectedVersion)
                .params(definition(d))
                .update() == 1;
    }

    public void saveValue(String tenant, UUID indicator, String period, BigDecimal value, String note) {
        jdbc.sql("""
                INSERT INTO app.indicator_value (indicator_id, tenant_id, period, value, note)
                VALUES (:indicator, :tenant, :period, :value, :note)
                ON CONFLICT (indicator_id, period) DO UPDATE SET value = excluded.value, note = excluded.note""")
                .param("indicator", indicator).param("tenant", tenant).param("period", period)
                .param("value", value).param("note", note)
                .update();
    }

    private static Map<String, Object> definition(Indicator.Definition d) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("name", d.name().strip());
        params.put("unit", d.unit().name());
        params.put("polarity", d.polarity().name());
        params.put("target", d.target());
        params.put("tolerance", d.tolerance() == null ? BigDecimal.ZERO : d.tolerance());
        params.put("frequency", d.frequency().name());
        return params;
    }

    private static Indicator indicator(ResultSet rs) throws SQLException {
        return new Indicator(rs.getObject("id", UUID.class), rs.getString("name"),
                Indicator.Unit.valueOf(rs.getString("unit")), Indicator.Polarity.valueOf(rs.getString("polarity")),
                strip(rs.getBigDecimal("target")), strip(rs.getBigDecimal("tolerance")),
                Indicator.Frequency.valueOf(rs.getString("frequency")), List.of(), rs.getInt("version"));
    }

    private Indicator withValues(String tenant, Indicator indicator) {
        List<Indicator.Value> values = new ArrayList<>();
        BigDecimal[] previous = {null};
        jdbc.sql("SELECT period, value, note FROM app.indicator_value WHERE tenant_id = :tenant AND indicator_id = :id ORDER BY period")
                .param("tenant", tenant).param("id", indicator.id())
                .query((ResultSet rs) -> {
                    BigDecimal value = strip(rs.getBigDecimal("value"));
                    values.add(new Indicator.Value(rs.getString("period"), value, rs.getString("note"),
                            Indicator.rate(indicator.polarity(), indicator.target(), indicator.tolerance(), value),
                            previous[0] == null ? null : Indicator.trend(indicator.polarity(), previous[0], value)));
                    previous[0] = value;
                });
        return new Indicator(indicator.id(), indicator.name(), indicator.unit(), indicator.polarity(), indicator.target(),
                indicator.tolerance(), indicator.frequency(), values, indicator.version());
    }

    // --- risks

    public List<Risk> risks(String tenant, UUID plan) {
        return jdbc.sql("SELECT * FROM app.risk WHERE tenant_id = :tenant AND plan_id = :plan ORDER BY reference")
                .param("tenant", tenant).param("plan", plan)
                .query((rs, n) -> risk(rs)).list();
    }

    public Optional<Risk> risk(String tenant, UUID plan, UUID id) {
        return jdbc.sql("SELECT * FROM app.risk WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id")
                .param("tenant", tenant).param("plan", plan).param("id", id)
                .query((rs, n) -> risk(rs)).optional();
    }

    public void insertRisk(String tenant, UUID plan, UUID id, Risk.Entry e) {
        jdbc.sql("""
                INSERT INTO app.risk (id, tenant_id, plan_id, reference, title, owner, inherent_likelihood, inherent_impact,
                       residual_likelihood, residual_impact, previous_residual_score, mitigation)
                VALUES (:id, :tenant, :plan, :reference, :title, :owner, :il, :ii, :rl, :ri, :previous, :mitigation)""")
                .param("id", id).param("tenant", tenant).param("plan", plan).params(riskParams(e))
                .update();
    }

    public boolean updateRisk(String tenant, UUID plan, UUID id, Risk.Entry e, int expectedVersion) {
        return jdbc.sql("""
                UPDATE app.risk SET reference = :reference, title = :title, owner = :owner, inherent_likelihood = :il,
                       inherent_impact = :ii, residual_likelihood = :rl, residual_impact = :ri,
                       previous_residual_score = :previous, mitigation = :mitigation, version = version + 1
                WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id AND version = :version""")
                .param("id", id).param("tenant", tenant).param("plan", plan).param("version", expectedVersion)
                .params(riskParams(e))
                .update() == 1;
    }

    private static Map<String, Object> riskParams(Risk.Entry e) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("reference", e.reference().strip());
        params.put("title", e.title().strip());
        params.put("owner", e.owner());
        params.put("il", e.inherentLikelihood());
        params.put("ii", e.inherentImpact());
        params.put("rl", e.residualLikelihood());
        params.put("ri", e.residualImpact());
        params.put("previous", e.previousResidualScore());
        params.put("mitigation", e.mitigation());
        return params;
    }

    private static Risk risk(ResultSet rs) throws SQLException {
        return new Risk(rs.getObject("id", UUID.class), rs.getString("reference"), rs.getString("title"),
                rs.getString("owner"), rs.getInt("inherent_likelihood"), rs.getInt("inherent_impact"),
                rs.getInt("residual_likelihood"), rs.getInt("residual_impact"),
                (Integer) rs.getObject("previous_residual_score"), rs.getString("mitigation"), rs.getInt("version"));
    }

    // --- inspection events

    public List<InspectionEvent> inspections(String tenant, UUID plan) {
        return jdbc.sql(INSPECTION_SELECT + " WHERE e.tenant_id = :tenant AND e.plan_id = :plan ORDER BY e.start_date, e.title")
                .param("tenant", tenant).param("plan", plan)
                .query((rs, n) -> inspection(rs)).list();
    }

    public Optional<InspectionEvent> inspection(String tenant, UUID plan, UUID id) {
        return jdbc.sql(INSPECTION_SELECT + " WHERE e.tenant_id = :tenant AND e.plan_id = :plan AND e.id = :id")
                .param("tenant", tenant).param("plan", plan).param("id", id)
                .query((rs, n) -> inspection(rs)).optional();
    }

    public void insertInspection(String tenant, UUID plan, UUID id, InspectionEvent.Details d) {
        jdbc.sql("""
                INSERT INTO app.inspection_event (id, tenant_id, plan_id, type, title, start_date, end_date, focus, judgement, summary)
                VALUES (:id, :tenant, :plan, :type, :title, :start, :end, :focus, :judgement, :summary)""")
                .param("id", id).param("tenant", tenant).param("plan", plan).params(inspectionParams(d))
                .update();
    }

    public boolean updateInspection(String tenant, UUID plan, UUID id, InspectionEvent.Details d, int expectedVersion) {
        return jdbc.sql("""
                UPDATE app.inspection_event SET type = :type, title = :title, start_date = :start, end_date = :end,
                       focus = :focus, judgement = :judgement, summary = :summary, version = version + 1
                WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id AND version = :version""")
                .param("id", id).param("tenant", tenant).param("plan", plan).param("version", expectedVersion)
                .params(inspectionParams(d))
                .update() == 1;
    }

    private static Map<String, Object> inspectionParams(InspectionEvent.Details d) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("type", d.type().name());
        params.put("title", d.title().strip());
        params.put("start", Date.valueOf(d.startDate()));
        params.put("end", d.endDate() == null ? null : Date.valueOf(d.endDate()));
        params.put("focus", d.focus());
        params.put("judgement", d.judgement());
        params.put("summary", d.summary());
        return params;
    }

    private static InspectionEvent inspection(ResultSet rs) throws SQLException {
        String letter = rs.getString("letter_filename");
        return new InspectionEvent(rs.getObject("id", UUID.class), InspectionEvent.Type.valueOf(rs.getString("type")),
                rs.getString("title"), localDate(rs, "start_date"), localDate(rs, "end_date"), rs.getString("focus"),
                rs.getString("judgement"), rs.getString("summary"),
                letter == null ? null : new InspectionEvent.Letter(letter, rs.getString("letter_type"),
                        rs.getLong("letter_size"), rs.getString("letter_sha256")),
                rs.getInt("version"));
    }

    private static final String INSPECTION_SELECT = """
            SELECT e.*, d.filename AS letter_filename, d.content_type AS letter_type, d.size_bytes AS letter_size,
                   d.sha256 AS letter_sha256
            FROM app.inspection_event e
            LEFT JOIN app.document d ON d.id = e.letter_document_id AND d.tenant_id = e.tenant_id
            """;

    public Optional<UUID> letterOf(String tenant, UUID plan, UUID id) {
        return jdbc.sql("SELECT letter_document_id FROM app.inspection_event WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id")
                .param("tenant", tenant).param("plan", plan).param("id", id)
                .query((rs, n) -> Optional.ofNullable(rs.getObject("letter_document_id", UUID.class)))
                .optional().flatMap(o -> o);
    }

    public void attachLetter(String tenant, UUID plan, UUID id, UUID document) {
        jdbc.sql("UPDATE app.inspection_event SET letter_document_id = :document, version = version + 1 WHERE tenant_id = :tenant AND plan_id = :plan AND id = :id")
                .param("tenant", tenant).param("plan", plan).param("id", id).param("document", document)
                .update();
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }
}
