package org.councilflow.meetings.ui;

import java.util.ArrayList;
import java.util.List;

import org.councilflow.common.ui.Feedback;
import org.councilflow.meetings.Committee;
import org.councilflow.meetings.Committee.MemberRole;
import org.councilflow.meetings.Committees;
import org.councilflow.common.ui.Words;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/**
 * A committee's members and their roles (chair, vice-chair, member, co-opted), changed as a whole and saved against
 * the version that was loaded: a stale save says who got there first and keeps what was typed.
 */
class CommitteeMembersDialog extends Dialog {

    final List<Row> rows = new ArrayList<>();
    private final VerticalLayout list = new VerticalLayout();

    record Row(HorizontalLayout layout, TextField name, Select<MemberRole> role, TextField username) {
    }

    CommitteeMembersDialog(Committees committees, Committee committee, Runnable saved) {
        setHeaderTitle(Words.t("committees.membersOf", committee.name()));
        setId("committee-members");
        list.setPadding(false);
        list.setId("member-rows");
        committee.members().forEach(this::addRow);
        Button add = new Button(Words.t("committees.addMember"), VaadinIcon.PLUS.create(), click -> addRow(
                new Committee.Member("", MemberRole.MEMBER, null)));
        add.setId("add-member");
        TextField welshName = new TextField(Words.t("committees.nameCy"));
        welshName.setId("committee-name-cy");
        welshName.setValue(committee.nameCy() == null ? "" : committee.nameCy());
        welshName.setWidthFull();
        Button save = new Button(Words.t("committees.saveMembers"), click -> {
            List<Committee.Member> members = rows.stream()
                    .filter(r -> !r.name().getValue().isBlank())
                    .map(r -> new Committee.Member(r.name().getValue(), r.role().getValue(),
                            r.username().getValue().isBlank() ? null : r.username().getValue().strip()))
                    .toList();
            if (Feedback.attempt(() -> committees.update(committee.id(), new Committee.Draft(committee.name(),
                    committee.purpose(), committee.scrutiny(), members, welshName.getValue().isBlank() ? null : welshName.getValue()), committee.version()))) {
                Feedback.success(Words.t("committees.membersSaved", committee.name()));
                close();
                saved.run();
            }
        });
        save.setId("save-members");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button(Words.t("common.cancel"), click -> close());
        add(welshName, list, add);
        getFooter().add(cancel, save);
        setWidth("min(60em, 95vw)");
    }

    private void addRow(Committee.Member member) {
        int n = rows.size() + 1;
        TextField name = new TextField(Words.t("committees.name"));
        name.setValue(member.name());
        name.setId("member-name-" + n);
        name.setMaxLength(200);
        Select<MemberRole> role = new Select<>();
        role.setLabel(Words.t("committees.role"));
        role.setItems(MemberRole.values());
        role.setItemLabelGenerator(r -> Words.t("memberRole." + r.name()));
        role.setValue(member.role());
        role.setId("member-role-" + n);
        TextField username = new TextField(Words.t("committees.login"));
        username.setValue(member.username() == null ? "" : member.username());
        username.setId("member-username-" + n);
        HorizontalLayout layout = new HorizontalLayout(name, role, username);
        Row row = new Row(layout, name, role, username);
        Button remove = new Button(VaadinIcon.TRASH.create(), click -> {
            rows.remove(row);
            list.remove(layout);
        });
        remove.setAriaLabel(Words.t("committees.removeMember", n));
        layout.add(remove);
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        rows.add(row);
        list.add(layout);
    }
}
