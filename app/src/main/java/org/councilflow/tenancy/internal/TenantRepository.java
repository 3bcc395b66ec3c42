package org.councilflow.tenancy.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.councilflow.tenancy.Tenant;
import org.councilflow.tenancy.SiteLanguages;
import org.councilflow.tenancy.TenantSettings;
import org.councilflow.tenancy.TenantSettings.BankHoliday;
import org.councilflow.tenancy.TenantStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Councils in {@code app.tenant}; row-level security decides which rows a transaction sees. */
@Repository
public class TenantRepository {

    private static final String COLUMNS = """
            id, display_name, status, status_reason, branding_colour, board_review_enabled, agenda_notice_days,
            call_in_days, sla_days::text AS sla_days, site_languages, created_at, updated_at, version""";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TenantRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public Optional<Tenant> find(String slug) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app.tenant WHERE id = :id")
                .param("id", slug)
                .query((rs, n) -> map(rs))
                .optional();
    }

    public List<Tenant> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM app.tenant ORDER BY display_name")
                .query((rs, n) -> map(rs))
                .list();
    }

    public void insert(String slug, String displayName, TenantStatus status) {
        jdbc.sql("INSERT INTO app.tenant (id, display_name, status) VALUES (:id, :name, :status)")
                .param("id", slug).param("name", displayName).param("status", status.name())
                .update();
    }

    public boolean updateStatus(String slug, TenantStatus status, String reason, int expectedVersion) {
        return jdbc.sql("""
                UPDATE app.tenant SET status = :status, status_reason = :reason, updated_at = now(), version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", slug).param("status", status.name()).param("reason", reason)
                .param("version", expectedVersion)
                .update() == 1;
    }

    public boolean updateSettings(String slug, String displayName, TenantSettings settings, int expectedVersion) {
        boolean updated = jdbc.sql("""
                UPDATE app.tenant SET display_name = :name, branding_colour = :colour, board_review_enabled = :board,
                       agenda_notice_days = :notice, call_in_days = :callIn, sla_days = CAST(:sla AS jsonb),
                       site_languages = :languages,
                       updated_at = now(), version = version + 1
                WHERE id = :id AND version = :version""")
                .param("id", slug).param("name", displayName).param("colour", settings.brandingColour())
                .param("board", settings.boardReviewEnabled()).param("notice", settings.agendaNoticeDays())
                .param("callIn", settings.callInDays()).param("sla", toJson(settings.slaDays()))
                .param("languages", settings.languages().name())
                .param("version", expectedVersion)
                .update() == 1;
        if (updated) {
            jdbc.sql("DELETE FROM app.bank_holiday WHERE tenant_id = :id").param("id", slug).update();
            for (BankHoliday holiday : settings.bankHolidays()) {
                jdbc.sql("INSERT INTO app.bank_holiday (tenant_id, day, name) VALUES (:id, :day, :name)")
                        .param("id", slug).param("day", holiday.day()).param("name", holiday.name())
                        .update();
            }
        }
        return updated;
    }

    public void delete(String slug) {
        jdbc.sql("DELETE FROM app.bank_holiday WHERE tenant_id = :id").param("id", slug).update();
        jdbc.sql("DELETE FROM app.tenant WHERE id = :id").param("id", slug).update();
    }

    private Tenant map(ResultSet rs) throws SQLException {
        String slug = rs.getString("id");
        List<BankHoliday> holidays = jdbc.sql("SELECT day, name FROM app.bank_holiday WHERE tenant_id = :id ORDER BY day")
                .param("id", slug)
                .query((h, n) -> new BankHoliday(h.getDate("day").toLocalDate(), h.getString("name")))
                .list();
        TenantSettings settings = new TenantSettings(rs.getString("branding_colour"), rs.getBoolean("board_review_enabled"),
                rs.getInt("agenda_notice_days"), rs.getInt("call_in_days"), slaDays(rs.getString("sla_days")), holidays,
                SiteLanguages.valueOf(rs.getString("site_languages")));
        return new Tenant(slug, rs.getString("display_name"), TenantStatus.valueOf(rs.getString("status")),
                rs.getString("status_reason"), settings, rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(), rs.getInt("version"));
    }

    private Map<String, Integer> slaDays(String value) {
        try {
            return json.readValue(value, new TypeReference<Map<String, Integer>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Corrupt sla_days: " + value, e);
        }
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
