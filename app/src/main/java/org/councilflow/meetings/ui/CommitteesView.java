package org.councilflow.meetings.ui;

import java.util.List;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committees;

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
        grid.setAriaLabel("Committees");
        grid.addColumn(Committee::name).setHeader("Committee").setFlexGrow(2);
        grid.addColumn(c -> c.scrutiny() ? "Scrutiny" : "").setHeader("Hears call-ins");
        grid.addColumn(c -> c.members().size()).setHeader("Members");
        grid.addComponentColumn(c -> {
            Button members = new Button("Members", click -> new CommitteeMembersDialog(committees, c,
                    () -> grid.setItems(committees.all())).open());
            members.setId("members-" + c.id());
            members.setAriaLabel("Members of " + c.name());
            return members;
        }).setHeader("Members and roles").setKey("members");
        grid.setItems(committees.all());
        grid.setAllRowsVisible(true);
        TextField name = new TextField("New committee");
        name.setId("committee-name");
        TextField welshName = new TextField("Its name in Welsh (optional)");
        welshName.setId("committee-name-cy");
        Checkbox scrutiny = new Checkbox("Hears call-ins (scrutiny)");
        Button create = new Button("Add committee", click -> {
            if (Feedback.attempt(() -> committees.create(new Committee.Draft(name.getValue(), null, scrutiny.getValue(), List.of(),
                    welshName.getValue().isBlank() ? null : welshName.getValue())))) {
                Feedback.success("Committee added.");
                name.clear();
                welshName.clear();
                grid.setItems(committees.all());
            }
        });
        create.setId("add-committee");
        HorizontalLayout form = new HorizontalLayout(name, welshName, scrutiny, create);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(new H2("Committees"), grid, form);
    }
}
