package org.councilflow.meetings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.councilflow.meetings.Committee.MemberRole;
import org.councilflow.support.DemoData;
import org.councilflow.support.IntegrationTest;
import org.councilflow.support.StaffUi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;

/** The tenant-admin sees a committee's members with their roles and changes them. */
@IntegrationTest
class CommitteesViewTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate rest;

    @Test
    void theTenantAdminAddsACoOptedMemberAndMakesTheMemberViceChair() {
        StaffUi.as(context, "barnet.tenant-admin", () -> {
            UI.getCurrent().navigate(CommitteesView.class);
            CommitteesView view = _get(CommitteesView.class);
            Button members = (Button) com.github.mvysny.kaributesting.v10.GridKt._getCellComponent(view.grid, 0, "members");
            assertThat(members.getId()).hasValue("members-" + DemoData.BARNET_CES_COMMITTEE);
            _click(members);
            CommitteeMembersDialog dialog = _get(CommitteeMembersDialog.class);
            assertThat(dialog.rows).extracting(r -> r.name().getValue()).containsExactly("Cllr David Longstaff", "Cllr Anne Hutton");
            dialog.rows.get(1).role().setValue(MemberRole.VICE_CHAIR);
            _click(_get(Button.class, spec -> spec.withId("add-member")));
            dialog.rows.get(2).name().setValue("Ms Jo O\u2019Connor");
            dialog.rows.get(2).role().setValue(MemberRole.CO_OPTED);
            _click(_get(Button.class, spec -> spec.withId("save-members")));
            assertThat(NotificationsKt.getNotifications().stream().map(n -> n.getElement().getProperty("text")))
                    .anySatisfy(t -> assertThat(t).startsWith("Members of Children, Education & Safeguarding Committee saved"));
        });
        com.fasterxml.jackson.databind.JsonNode after = new org.councilflow.support.Api(rest).get("barnet.tenant-admin",
                "/api/t/barnet/committees/" + DemoData.BARNET_CES_COMMITTEE).getBody();
        assertThat(after.get("members").findValuesAsText("role")).containsExactly("CHAIR", "VICE_CHAIR", "CO_OPTED");
        assertThat(after.at("/members/2/name").asText()).isEqualTo("Ms Jo O\u2019Connor");
        assertThat(after.at("/members/1/username").asText()).isEqualTo("barnet.member");
    }
}
