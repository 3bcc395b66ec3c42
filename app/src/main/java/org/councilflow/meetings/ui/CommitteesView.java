package org.councilflow.meetings.ui;

import java.util.List;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committees;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.RolesAllowed;

/** The council's committees, for its administrator. */
@Route("admin/committees")
@PageTitle("Committees · CouncilFlow")
@Menu(title = "Committees", order = 12, icon = "vaadin:group")
@RolesAllowed("TENANT_ADMIN")
class CommitteesView extends VerticalLayout {

    final Grid<Committee> grid = new Grid<>();

    CommitteesView(Committees committees) {
        grid.setId("committees");
        grid.setAriaLabel(Words.t("committees.heading"));
        grid.addColumn(Committee::name).setHeader(Words.t("meetings.committee")).setFlexGrow(2);
        grid.addColumn(c -> c.scrutiny() ? Words.t("committees.scrutiny") : "").setHeader(Words.t("committees.hearsCallIns"));
        grid.addColumn(c -> c.members().size()).setHeader(Words.t("committees.members"));
        grid.addComponentColumn(c -> {
            Button members = new Button(Words.t("committees.members"), click -> new CommitteeMembersDialog(committees, c,
                    () -> grid.setItems(committees.all())).open());
            members.setId("members-" + c.id());
            members.setAriaLabel(Words.t("committees.membersOf", c.name()));
            return members;
        }).setHeader(Words.t("committees.membersAndRoles")).setKey("members");
        grid.setItems(committees.all());
        grid.setAllRowsVisible(true);
        TextField name = new TextField(Words.t("committees.new"));
        name.setId("committee-name");
        TextField welshName = new TextField(Words.t("committees.newNameCy"));
        welshName.setId("committee-name-cy");
        Checkbox scrutiny = new Checkbox(Words.t("committees.hearsCallInsScrutiny"));
        Button create = new Button(Words.t("committees.add"), click -> {
            if (Feedback.attempt(() -> committees.create(new Committee.Draft(name.getValue(), null, scrutiny.getValue(), List.of(),
                    welshName.getValue().isBlank() ? null : welshName.getValue())))) {
                Feedback.success(Words.t("committees.added"));
                name.clear();
                welshName.clear();
                grid.setItems(committees.all());
            }
        });
        create.setId("add-committee");
        HorizontalLayout form = new HorizontalLayout(name, welshName, scrutiny, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2(Words.t("committees.heading")), grid, form);
    }
}
