package org.councilflow.meetings.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committee.Member;
import org.councilflow.meetings.Committee.MemberRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Committees in {@code app.committee} and {@code app.committee_member}, always filtered by tenant (and RLS). */
@Repository
public class CommitteeRepository {

    private final JdbcClient jdbc;

    CommitteeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Committee> findAll(String tenant) {
        return jdbc.sql("SELECT id, name, purpose, scrutiny, version, name_cy FROM app.committee WHERE tenant_id = :tenant ORDER BY name")
                .param("tenant", tenant)
                .query((rs, n) -> new Committee(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("purpose"), rs.getBoolean("scrutiny"), List.of(), rs.getInt("version"),
                        rs.getString("name_cy")))
                .list().stream()
                .map(c -> withMembers(tenant, c))
                .toList();
    }

    public Optional<Committee> find(String tenant, UUID id) {
        return jdbc.sql("SELECT id, name, purpose, scrutiny, version, name_cy FROM app.committee WHERE tenant_id = :tenant AND id = :id")
                .param("tenant", tenant).param("id", id)
                .query((rs, n) -> new Committee(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("purpose"), rs.getBoolean("scrutiny"), List.of(), rs.getInt("version"),
                        rs.getString("name_cy")))
                .optional()
                .map(c -> withMembers(tenant, c));
    }

    public void insert(String tenant, UUID id, Committee.Draft draft) {
        jdbc.sql("INSERT INTO app.committee (id, tenant_id, name, purpose, scrutiny, name_cy) VALUES (:id, :tenant, :name, :purpose, :scrutiny, :nameCy)")
                .param("id", id).param("tenant", tenant).param("name", draft.name().strip()).param("nameCy", welsh(draft.nameCy()))
                .param("purpose", draft.purpose()).param("scrutiny", draft.scrutiny())
                .update();
        insertMembers(tenant, id, draft.members());
    }

    public boolean update(String tenant, UUID id, Committee.Draft draft, int expectedVersion) {
        int updated = jdbc.sql("""
                UPDATE app.committee SET name = :name, purpose = :purpose, scrutiny = :scrutiny, name_cy = :nameCy,
                       version = version + 1
                WHERE tenant_id = :tenant AND id = :id AND version = :version""")
                .param("id", id).param("tenant", tenant).param("name", draft.name().strip()).param("nameCy", welsh(draft.nameCy()))
                .param("purpose", draft.purpose()).param("scrutiny", draft.scrutiny()).param("version", expectedVersion)
                .update();
        if (updated == 1) {
            jdbc.sql("DELETE FROM app.committee_member WHERE tenant_id = :tenant AND committee_id = :id")
                    .param("tenant", tenant).param("id", id).update();
            insertMembers(tenant, id, draft.members());
        }
        return updated == 1;
    }

    private void insertMembers(String tenant, UUID committee, List<Member> members) {
        for (int i = 0; i < members.size(); i++) {
            Member member = members.get(i);
            jdbc.sql("""
                    INSERT INTO app.committee_member (committee_id, tenant_id, position, name, role, username)
                    VALUES (:committee, :tenant, :position, :name, :role, :username)""")
                    .param("committee", committee).param("tenant", tenant).param("position", i)
                    .param("name", member.name().strip()).param("role", member.role().name())
                    .param("username", member.username())
                    .update();
        }
    }

    private Committee withMembers(String tenant, Committee committee) {
        List<Member> members = jdbc.sql("""
                SELECT name, role, username FROM app.committee_member
                WHERE tenant_id = :tenant AND committee_id = :id ORDER BY position""")
                .param("tenant", tenant).param("id", committee.id())
                .query((rs, n) -> new Member(rs.getString("name"), MemberRole.valueOf(rs.getString("role")),
                        rs.getString("username")))
                .list();
        return new Committee(committee.id(), committee.name(), committee.purpose(), committee.scrutiny(), members,
                committee.version(), committee.nameCy());
    }

    /** An optional Welsh text: blank is none. */
    static String welsh(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
